using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Locking;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Properties;
using FolderPrism.WebDav.Store;
using FolderPrism.WebDav.Xml;
using Microsoft.AspNetCore.Http;

namespace FolderPrism.WebDav.Handlers;

/// <summary>
/// The shared core of COPY and MOVE: Destination decoded once and validated like a request path (other host 502,
/// same resource or own subtree 403), Overwrite and Depth rules, lock checks on both ends, dead properties carried.
/// </summary>
internal sealed class CopyMoveOperation(
    IDavStore store, IDeadPropertyStore deadProperties, ILockManager locks, WriteGuard guard, IEnumerable<IDavRecycleBin> bins)
{
    public async Task ExecuteAsync(DavContext context, bool move)
    {
        var request = context.Request;
        var source = await store.GetItemAsync(context.Path, context.Aborted) ?? throw new DavException(StatusCodes.Status404NotFound);
        var destination = ParseDestination(context);
        if (destination.Equals(context.Path))
        {
            throw new DavException(StatusCodes.Status403Forbidden, message: "Source and destination are the same.");
        }

        if (context.Path.Contains(destination) || destination.Contains(context.Path))
        {
            throw new DavException(StatusCodes.Status403Forbidden, message: "Destination overlaps the source.");
        }

        var depth = request.Headers["Depth"].ToString().Trim();
        var deep = depth.Length == 0 || depth.Equals("infinity", StringComparison.OrdinalIgnoreCase);
        if (!deep && (move ? source.IsCollection : depth != "0"))
        {
            throw new DavException(StatusCodes.Status400BadRequest, message: "Unsupported Depth.");
        }

        var overwriteHeader = request.Headers["Overwrite"].ToString().Trim();
        if (overwriteHeader.Length > 0 && overwriteHeader is not ("T" or "F" or "t" or "f"))
        {
            throw new DavException(StatusCodes.Status400BadRequest, message: "Overwrite must be T or F.");
        }

        var sourcePhysical = store.MapPhysicalPath(context.Path);
        var targetPhysical = store.MapPhysicalPath(destination);
        if ((sourcePhysical is null || targetPhysical is null) && store.GetVirtualWrites(destination) is { } writes)
        {
            await ExecuteVirtualAsync(context, source, destination, writes, move, overwriteHeader is "F" or "f");
            return;
        }

        if (move && sourcePhysical is null && targetPhysical is not null && bins.FirstOrDefault() is { } bin
            && !store.IsProtectedRoot(destination))
        {
            await RestoreAsync(context, source, destination, targetPhysical, bin);
            return;
        }

        if (sourcePhysical is null || targetPhysical is null || store.IsProtectedRoot(destination)
            || (move && store.IsProtectedRoot(context.Path)))
        {
            throw new DavException(StatusCodes.Status403Forbidden);
        }

        if (await store.GetItemAsync(destination.Parent!, context.Aborted) is not { IsCollection: true })
        {
            throw new DavException(StatusCodes.Status409Conflict);
        }

        var existing = await store.GetItemAsync(destination, context.Aborted);
        await guard.CheckConditionsAsync(context, source);
        if (move)
        {
            guard.CheckLocks(context, context.Path, includeParent: true, includeDescendants: true);
        }

        guard.CheckLocks(context, destination, includeParent: true, includeDescendants: true);
        if (existing is not null && overwriteHeader is "F" or "f")
        {
            throw new DavException(StatusCodes.Status412PreconditionFailed);
        }

        var failures = new List<(DavPath Path, bool Collection)>();
        if (existing is not null)
        {
            // Overwriting is a delete of what was there: media files go to the recycle bin (restorable), like DELETE.
            if (bins.FirstOrDefault() is { } overwritten)
            {
                await FileTree.DeleteAsync(existing.PhysicalPath ?? targetPhysical, destination, failures,
                    file => overwritten.TryRecycleAsync(file, context.Aborted));
            }
            else
            {
                FileTree.Delete(existing.PhysicalPath ?? targetPhysical, destination, failures);
            }

            await DeletedTree.ForgetAsync(deadProperties, locks, destination, failures, context.Aborted);
        }

        if (failures.Count == 0)
        {
            if (move)
            {
                FileTree.Move(sourcePhysical, targetPhysical, destination, failures);
                if (failures.Count == 0 && !source.IsCollection && bins.FirstOrDefault() is { } companions)
                {
                    await companions.MovedAsync(sourcePhysical, targetPhysical, context.Aborted);
                }

                await deadProperties.MoveAsync(context.Path, destination, context.Aborted);
                locks.RemoveWithin(context.Path);
            }
            else
            {
                FileTree.Copy(sourcePhysical, targetPhysical, destination, deep, failures);
                await deadProperties.CopyAsync(context.Path, destination, deep, context.Aborted);
            }
        }

        if (failures.Count == 0)
        {
            if (existing is null)
            {
                context.Response.Headers.Location = HrefEncoder.Encode(destination, source.IsCollection);
            }

            DavResponses.Status(context.Response, existing is null ? StatusCodes.Status201Created : StatusCodes.Status204NoContent);
            return;
        }

        await using var multistatus = await MultiStatusWriter.StartAsync(context.Response);
        foreach (var (path, collection) in failures)
        {
            await multistatus.WriteStatusAsync(HrefEncoder.Encode(path, collection), StatusCodes.Status403Forbidden);
        }

        await multistatus.EndAsync();
    }

    /// <summary>COPY/MOVE into a mount with virtual writes: same checks as for files, the meaning is the mount's.</summary>
    private async Task ExecuteVirtualAsync(
        DavContext context, IDavItem source, DavPath destination, IDavVirtualWrites writes, bool move, bool noOverwrite)
    {
        if (store.IsProtectedRoot(destination) || (move && store.IsProtectedRoot(context.Path)))
        {
            throw new DavException(StatusCodes.Status403Forbidden);
        }

        var existing = await store.GetItemAsync(destination, context.Aborted);
        if (existing is not null && !await writes.OccupiesAsync(existing, context.Aborted))
        {
            existing = null;
        }

        await guard.CheckConditionsAsync(context, source);
        if (move)
        {
            guard.CheckLocks(context, context.Path, includeParent: true, includeDescendants: true);
        }

        guard.CheckLocks(context, destination, includeParent: true, includeDescendants: true);
        if (existing is not null && noOverwrite)
        {
            throw new DavException(StatusCodes.Status412PreconditionFailed);
        }

        var sourceDone = await writes.ReceiveAsync(source, destination, move, context.Aborted);
        if (move && !sourceDone && store.GetVirtualWrites(context.Path) is { } sourceWrites)
        {
            await sourceWrites.DeleteAsync(source, context.Aborted);
        }

        if (move)
        {
            locks.RemoveWithin(context.Path);
        }

        if (existing is null)
        {
            context.Response.Headers.Location = HrefEncoder.Encode(destination, source.IsCollection);
        }

        DavResponses.Status(context.Response, existing is null ? StatusCodes.Status201Created : StatusCodes.Status204NoContent);
    }

    /// <summary>MOVE of a virtual item into a real tree: only the recycle bin gives it a meaning (restore).</summary>
    private async Task RestoreAsync(DavContext context, IDavItem source, DavPath destination, string targetPhysical, IDavRecycleBin bin)
    {
        if (await store.GetItemAsync(destination.Parent!, context.Aborted) is not { IsCollection: true })
        {
            throw new DavException(StatusCodes.Status409Conflict);
        }

        await guard.CheckConditionsAsync(context, source);
        guard.CheckLocks(context, context.Path, includeParent: true, includeDescendants: true);
        guard.CheckLocks(context, destination, includeParent: true, includeDescendants: true);
        if (await store.GetItemAsync(destination, context.Aborted) is not null)
        {
            throw new DavException(StatusCodes.Status412PreconditionFailed, message: "Restoring never overwrites a file.");
        }

        if (!await bin.TryRestoreAsync(source, targetPhysical, context.Aborted))
        {
            throw new DavException(StatusCodes.Status403Forbidden);
        }

        locks.RemoveWithin(context.Path);
        context.Response.Headers.Location = HrefEncoder.Encode(destination, source.IsCollection);
        DavResponses.Status(context.Response, StatusCodes.Status201Created);
    }

    private static DavPath ParseDestination(DavContext context)
    {
        var header = context.Request.Headers["Destination"].ToString();
        if (header.Length == 0 || !UriPathExtractor.TryExtract(header, context.Request, out var raw, out var otherHost))
        {
            throw new DavException(StatusCodes.Status400BadRequest, message: "Missing or invalid Destination.");
        }

        if (otherHost)
        {
            throw new DavException(StatusCodes.Status502BadGateway, message: "Destination is on another server.");
        }

        return DavPathParser.TryParse(raw, out var destination, out _)
            ? destination
            : throw new DavException(StatusCodes.Status400BadRequest, message: "Invalid Destination path.");
    }
}
