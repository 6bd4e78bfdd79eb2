using System.IO.Hashing;
using FolderPrism.Core.Library;
using FolderPrism.Views.Items;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Writes;

/// <summary>Finds which indexed photo a COPY/MOVE source or a PUT body is: by view entry, by path in Originals, or by content hash.</summary>
internal sealed class ItemLocator(ViewServices services)
{
    public async Task<Guid> ItemIdAsync(IDavItem source, CancellationToken cancellationToken)
    {
        if (source is ViewFile file)
        {
            return file.Entry.Id;
        }

        if (source is { IsCollection: false, PhysicalPath: { } physical })
        {
            var relative = Path.GetRelativePath(services.OriginalsRoot, physical).Replace(Path.DirectorySeparatorChar, '/');
            if (!relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
                var id = await db.MediaItems.Where(i => i.RelativePath == relative && i.State == ItemState.Present && i.TrashedAt == null)
                    .Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
                if (id is { } found)
                {
                    return found;
                }
            }
        }

        throw new DavException(StatusCodes.Status403Forbidden, message: "Only photos of the library can be organised here.");
    }

    /// <summary>Hashes the body as the indexer does (XxHash128) and returns the photo with those bytes, if any.</summary>
    public async Task<Guid?> ItemIdByContentAsync(Stream body, CancellationToken cancellationToken)
    {
        var hasher = new XxHash128();
        var buffer = new byte[256 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hasher.Append(buffer.AsSpan(0, read));
        }

        var hash = Convert.ToHexStringLower(hasher.GetCurrentHash());
        await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
        return await db.MediaItems.Where(i => i.ContentHash == hash && i.State == ItemState.Present && i.TrashedAt == null)
            .OrderBy(i => i.RelativePath).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
