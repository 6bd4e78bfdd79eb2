using System.IO.Hashing;
using FolderPrism.Core.Configuration;
using FolderPrism.Core.Library;
using FolderPrism.Indexing.Import;
using FolderPrism.Views.Items;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FolderPrism.Views.Writes;

/// <summary>
/// Finds which indexed photo a COPY/MOVE source or a PUT body is: by view entry, by path in Originals, or by content
/// hash; a PUT body that is no photo of the library yet is imported first (as <c>folderprism import</c> would).
/// </summary>
internal sealed class ItemLocator(ViewServices services, ImportEngine importer, IOptions<DataOptions> data)
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

    /// <summary>
    /// The photo a PUT body is. The body is staged under <c>&lt;data&gt;/view-uploads/</c> while it is hashed as the
    /// indexer hashes (XxHash128); known bytes are that photo, new bytes are imported with the import engine (dated,
    /// filed under Originals/YYYY/MM, duplicates resolved) and the resulting photo is returned. What the import refuses
    /// is a 403 carrying the import's reason.
    /// </summary>
    public async Task<Guid?> ItemForPutAsync(string fileName, Stream body, CancellationToken cancellationToken)
    {
        var staging = Path.Combine(data.Value.FullPath, "view-uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            var staged = Path.Combine(staging, StagedName(fileName));
            var hash = await StageAsync(body, staged, cancellationToken);
            await using (var db = await services.Contexts.CreateDbContextAsync(cancellationToken))
            {
                var known = await db.MediaItems.Where(i => i.ContentHash == hash && i.State == ItemState.Present && i.TrashedAt == null)
                    .OrderBy(i => i.RelativePath).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
                if (known is not null)
                {
                    return known;
                }
            }

            var result = await importer.RunAsync(new ImportRequest([staged], Move: true), null, cancellationToken);
            var entry = result.Entries.FirstOrDefault(e => e.Kind is ImportOutcome.Imported or ImportOutcome.Duplicate);
            if ((entry?.Path ?? entry?.DuplicateOf) is not { } relative)
            {
                var reason = result.StoppedReason ?? result.Entries.FirstOrDefault()?.Message ?? "not a photo or video";
                throw new DavException(StatusCodes.Status403Forbidden, message: "Not imported: " + reason);
            }

            await using var after = await services.Contexts.CreateDbContextAsync(cancellationToken);
            return await after.MediaItems.Where(i => i.RelativePath == relative && i.State == ItemState.Present)
                .Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static async Task<string> StageAsync(Stream body, string path, CancellationToken cancellationToken)
    {
        var hasher = new XxHash128();
        var buffer = new byte[256 * 1024];
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hasher.Append(buffer.AsSpan(0, read));
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        file.Flush(flushToDisk: true);
        return Convert.ToHexStringLower(hasher.GetCurrentHash());
    }

    /// <summary>The client's name without leading dots (hidden files are not imported) and never empty.</summary>
    private static string StagedName(string name)
    {
        var trimmed = Path.GetFileName(name).TrimStart('.');
        return trimmed.Length == 0 ? "upload" : trimmed;
    }
}
