using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Locking;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Properties;
using FolderPrism.WebDav.Store;
using FolderPrism.WebDav.Xml;
using Microsoft.AspNetCore.Http;

namespace FolderPrism.WebDav.Handlers;

/// <summary>DELETE: recursive, 204 on success, 207 naming what could not be removed; drops dead properties and locks.</summary>
internal sealed class DeleteHandler(
    IDavStore store, IDeadPropertyStore deadProperties, ILockManager locks, WriteGuard guard, IEnumerable<IDavRecycleBin> bins)
    : IDavMethodHandler
{
    public IReadOnlyCollection<string> Methods { get; } = [HttpMethods.Delete];

    public async Task HandleAsync(DavContext context)
    {
        var item = await store.GetItemAsync(context.Path, context.Aborted) ?? throw new DavException(StatusCodes.Status404NotFound);
        var depth = context.Request.Headers["Depth"].ToString();
        if (item.IsCollection && depth.Length > 0 && !depth.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            throw new DavException(StatusCodes.Status400BadRequest, message: "DELETE of a collection needs Depth: infinity.");
        }

        var physical = store.MapPhysicalPath(context.Path);
        if (physical is null && store.GetVirtualWrites(context.Path) is { } writes
            && (!store.IsProtectedRoot(context.Path) || (context.Path.Segments.Count == 1 && writes.CanDeleteRoot)))
        {
            await guard.CheckConditionsAsync(context, item);
            guard.CheckLocks(context, context.Path, includeParent: true, includeDescendants: true);
            await writes.DeleteAsync(item, context.Aborted);
            locks.RemoveWithin(context.Path);
            DavResponses.Status(context.Response, StatusCodes.Status204NoContent);
            return;
        }

        if (physical is null || store.IsProtectedRoot(context.Path))
        {
            throw new DavException(StatusCodes.Status403Forbidden);
        }

        await guard.CheckConditionsAsync(context, item);
        guard.CheckLocks(context, context.Path, includeParent: true, includeDescendants: true);
        var failures = new List<(DavPath Path, bool Collection)>();
        if (bins.FirstOrDefault() is { } bin)
        {
            await FileTree.DeleteAsync(physical, context.Path, failures, file => bin.TryRecycleAsync(file, context.Aborted));
        }
        else
        {
            FileTree.Delete(physical, context.Path, failures);
        }

        // Also after a partial failure: what was deleted loses its dead properties and locks, what stayed keeps them.
        await DeletedTree.ForgetAsync(deadProperties, locks, context.Path, failures, context.Aborted);
        if (failures.Count == 0)
        {
            DavResponses.Status(context.Response, StatusCodes.Status204NoContent);
            return;
        }

        await using var multistatus = await MultiStatusWriter.StartAsync(context.Response);
        foreach (var (path, collection) in failures)
        {
            await multistatus.WriteStatusAsync(HrefEncoder.Encode(path, collection), StatusCodes.Status403Forbidden);
        }

        await multistatus.EndAsync();
    }
}
