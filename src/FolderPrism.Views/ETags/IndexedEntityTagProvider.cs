using System.Collections.Concurrent;
using FolderPrism.Core.Configuration;
using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.WebDav.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FolderPrism.Views.ETags;

/// <summary>
/// Serves the indexed content hash as the ETag of files under <c>Originals/</c>, so a photo has the same strong ETag
/// there and in every view. The rows of one folder are loaded with one indexed range query and kept a few seconds,
/// so a listing costs one query, not one per file; a row is used only while the file's size and mtime still match
/// what was hashed, otherwise (and for unindexed files) the stat ETag is served.
/// </summary>
public sealed class IndexedEntityTagProvider(
    IDbContextFactory<FolderPrismDbContext> contexts, IOptions<LibraryOptions> library, TimeProvider time) : IEntityTagProvider
{
    private const int MaxCachedFolders = 256;
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3);

    private readonly FileStatEntityTagProvider _fallback = new();
    private readonly string _originals = Path.GetFullPath(library.Value.OriginalsPath);
    private readonly ConcurrentDictionary<string, FolderHashes> _folders = new(StringComparer.Ordinal);

    public string GetETag(FileInfo file)
    {
        var relative = Path.GetRelativePath(_originals, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
        if (relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative))
        {
            return _fallback.GetETag(file);
        }

        var slash = relative.LastIndexOf('/');
        var folder = slash < 0 ? string.Empty : relative[..slash];
        var now = time.GetUtcNow();
        if (!_folders.TryGetValue(folder, out var hashes) || now - hashes.LoadedAt > Lifetime)
        {
            if (_folders.Count >= MaxCachedFolders)
            {
                _folders.Clear();
            }

            hashes = new FolderHashes(now, Load(folder));
            _folders[folder] = hashes;
        }

        return hashes.Rows.TryGetValue(relative[(slash + 1)..], out var row) && row.Size == file.Length
               && row.ModifiedTicks == file.LastWriteTimeUtc.Ticks
            ? "\"" + row.Hash + "\""
            : _fallback.GetETag(file);
    }

    private Dictionary<string, HashRow> Load(string folder)
    {
        using var db = contexts.CreateDbContext();
        var items = db.MediaItems.AsNoTracking().Where(i => i.State == ItemState.Present && i.ContentHash != null);
        var prefixLength = 0;
        if (folder.Length > 0)
        {
            var low = folder + "/";
            var high = folder + "0";
            prefixLength = low.Length;
            items = items.Where(i => string.Compare(i.RelativePath, low) >= 0 && string.Compare(i.RelativePath, high) < 0);
        }

        var start = prefixLength;
        return items.Where(i => !i.RelativePath.Substring(start).Contains('/'))
            .Select(i => new { i.RelativePath, i.Size, i.ModifiedUtc, i.ContentHash })
            .AsEnumerable()
            .ToDictionary(r => r.RelativePath[start..], r => new HashRow(r.Size, r.ModifiedUtc.Ticks, r.ContentHash!), StringComparer.Ordinal);
    }

    private sealed record HashRow(long Size, long ModifiedTicks, string Hash);

    private sealed record FolderHashes(DateTimeOffset LoadedAt, Dictionary<string, HashRow> Rows);
}
