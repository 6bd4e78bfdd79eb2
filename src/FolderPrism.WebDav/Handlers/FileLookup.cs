using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Win32.SafeHandles;

namespace FolderPrism.WebDav.Handlers;

/// <summary>
/// GET's lookup: the item, and the real file its body comes from, opened and proven to be the file the item's
/// Content-Length and ETag describe.
/// </summary>
internal static class FileLookup
{
    // Each further lookup follows a rename seen between stat and open; four in a row means a writer is busy with it.
    private const int MaxLookups = 4;

    /// <summary>
    /// The item, and for a body from a real file the opened file. A rename over the file (a PUT over a photo, an
    /// editor's safe save) can land between the lookup's stat and the open; the opened file is then not the one the
    /// item's length and ETag describe, and the body would end short or carry the wrong ETag. So the open file is
    /// checked against that stat and the lookup made again until they agree.
    /// </summary>
    public static async Task<(IDavItem Item, SafeFileHandle? File)> LookUpAsync(IDavStore store, DavContext context, bool wantsBytes)
    {
        for (var attempt = 1; ; attempt++)
        {
            var item = await store.GetItemAsync(context.Path, context.Aborted) ?? throw new DavException(StatusCodes.Status404NotFound);
            if (!wantsBytes || item.IsCollection || item.PhysicalPath is null)
            {
                return (item, null);
            }

            SafeFileHandle file;
            try
            {
                file = FileBodySender.Open(item.PhysicalPath);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException && attempt < MaxLookups)
            {
                continue; // gone since the lookup: the next one tells whether it moved away or was replaced
            }

            if (Describes(item, file))
            {
                return (item, file);
            }

            file.Dispose();
            if (attempt == MaxLookups)
            {
                // Rewritten under every lookup: a writer is busy with it right now.
                throw new DavException(StatusCodes.Status503ServiceUnavailable);
            }
        }
    }

    /// <summary>
    /// Whether an opened file is the one the item's length and ETag were computed from (a rename over the path can
    /// land between the lookup's stat and the open).
    /// </summary>
    public static bool Describes(IDavItem item, SafeFileHandle file) =>
        RandomAccess.GetLength(file) == item.ContentLength
        && (item.FileWriteTimeUtc is not { } stat || File.GetLastWriteTimeUtc(file) == stat);
}
