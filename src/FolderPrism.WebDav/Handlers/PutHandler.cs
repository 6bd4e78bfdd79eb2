using System.Globalization;
using FolderPrism.Core.Files;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FolderPrism.WebDav.Handlers;

/// <summary>
/// PUT: streams the body (chunked or not, any size) into a hidden temp file in the target folder, fsyncs and renames
/// it over the target, so no partial file is ever visible. Aborts and full disks (507) remove the temp file. A PUT over
/// an existing file first offers the old version to the recycle bin (media originals go to the trash, restorable).
/// </summary>
internal sealed class PutHandler(IDavStore store, WriteGuard guard, IEnumerable<IDavRecycleBin> bins) : IDavMethodHandler
{
    private const int Enospc = 28;
    private const int Edquot = 122;

    public IReadOnlyCollection<string> Methods { get; } = [HttpMethods.Put];

    public async Task HandleAsync(DavContext context)
    {
        var request = context.Request;
        var item = await store.GetItemAsync(context.Path, context.Aborted);
        if (item is { IsCollection: true })
        {
            throw new DavException(StatusCodes.Status405MethodNotAllowed);
        }

        var physical = store.MapPhysicalPath(context.Path);
        if (physical is null && store.GetVirtualWrites(context.Path) is { } writes && !store.IsProtectedRoot(context.Path)
            && request.Headers.ContentRange.Count == 0)
        {
            await guard.CheckConditionsAsync(context, item);
            guard.CheckLocks(context, context.Path, includeParent: item is null, includeDescendants: false);
            if (!await writes.PutAsync(context.Path, request.Body, context.Aborted))
            {
                throw new DavException(StatusCodes.Status403Forbidden);
            }

            DavResponses.Status(context.Response, item is null ? StatusCodes.Status201Created : StatusCodes.Status204NoContent);
            return;
        }

        if (physical is null || store.IsProtectedRoot(context.Path))
        {
            throw new DavException(StatusCodes.Status403Forbidden);
        }

        if (request.Headers.ContentRange.Count > 0)
        {
            throw new DavException(StatusCodes.Status400BadRequest, message: "Content-Range is not allowed on PUT.");
        }

        var parent = await store.GetItemAsync(context.Path.Parent!, context.Aborted);
        if (parent is not { IsCollection: true })
        {
            throw new DavException(StatusCodes.Status409Conflict);
        }

        await guard.CheckConditionsAsync(context, item);
        guard.CheckLocks(context, context.Path, includeParent: item is null, includeDescendants: false);
        var sizeFeature = context.Http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = null;
        }

        var directory = Path.GetDirectoryName(physical)!;
        var temp = Path.Join(directory, ClientNoise.UploadTempPrefix + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            long written;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                await request.Body.CopyToAsync(file, 1024 * 1024, context.Aborted);
                written = file.Length;
                file.Flush(flushToDisk: true);
            }

            CheckExpectedLength(request, written);
            var mtimeAccepted = ApplyClientMtime(request, temp);
            var replaced = false;
            if (item is not null && bins.FirstOrDefault() is { } bin)
            {
                // The complete new version is on disk before the old one leaves. Best: the bin keeps the old file and
                // renames the new one over it (no moment without a file); else it moves the old one away (or declines:
                // replaced below).
                var old = item.PhysicalPath ?? physical;
                replaced = old == physical && await bin.TryReplaceAsync(old, temp, context.Aborted);
                if (!replaced)
                {
                    await bin.TryRecycleAsync(old, context.Aborted);
                }
            }

            if (!replaced)
            {
                File.Move(temp, physical, overwrite: true);
            }

            if (mtimeAccepted)
            {
                context.Response.Headers["X-OC-Mtime"] = "accepted";
            }
        }
        catch (IOException e) when (e.HResult is Enospc or Edquot && !context.Aborted.IsCancellationRequested)
        {
            TryDelete(temp);
            throw new DavException(StatusCodes.Status507InsufficientStorage);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        var stored = await store.GetItemAsync(context.Path, context.Aborted);
        if (stored?.ETag is { } etag)
        {
            context.Response.Headers.ETag = etag;
        }

        if (item is null)
        {
            context.Response.Headers.Location = HrefEncoder.Encode(context.Path, false);
        }

        DavResponses.Status(context.Response, item is null ? StatusCodes.Status201Created : StatusCodes.Status204NoContent);
    }

    private static void CheckExpectedLength(HttpRequest request, long written)
    {
        var expected = request.Headers["X-Expected-Entity-Length"].ToString();
        if (expected.Length > 0 && long.TryParse(expected, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length != written)
        {
            throw new DavException(StatusCodes.Status400BadRequest, message: "Body shorter or longer than X-Expected-Entity-Length.");
        }
    }

    private static bool ApplyClientMtime(HttpRequest request, string path)
    {
        var header = request.Headers["X-OC-Mtime"].ToString();
        if (header.Length == 0 || !double.TryParse(header, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || seconds < 0 || seconds > 253402300799)
        {
            return false;
        }

        File.SetLastWriteTimeUtc(path, DateTime.UnixEpoch.AddSeconds(seconds));
        return true;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temp name is hidden from listings and from the index either way.
        }
    }
}
