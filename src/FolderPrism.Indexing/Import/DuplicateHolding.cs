using FolderPrism.Core.Library;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// The holding area <c>&lt;library&gt;/.duplicates/&lt;kept item id&gt;/</c> for lesser versions of photos, outside
/// <c>Originals/</c>. Holds an arriving lesser version, or — when a better version arrives — hands the old item's
/// tags, people, albums and displaced versions to the new one and moves the old file here. Journaled like every
/// import file operation; recovery finishes a takeover's file move (the index already says it happened).
/// </summary>
internal static class DuplicateHolding
{
    public const string FolderName = ".duplicates";

    /// <summary>Journal destinations into the holding area are written relative to <c>Originals/</c> with this prefix.</summary>
    public const string JournalPrefix = "../" + FolderName + "/";

    public static string Root(string originals) => Path.Combine(Path.GetDirectoryName(originals)!, FolderName);

    /// <summary>A free name for <paramref name="fileName"/> under the kept item's folder (relative to the holding root).</summary>
    public static string PlanPath(string originals, Guid keptItemId, string fileName, string contentHash)
    {
        var folder = keptItemId.ToString("N");
        var relative = $"{folder}/{fileName}";
        if (File.Exists(Path.Combine(Root(originals), folder, fileName)))
        {
            relative = $"{folder}/{Path.GetFileNameWithoutExtension(fileName)}_{contentHash[..8]}{Path.GetExtension(fileName)}";
        }

        return relative;
    }

    public static Guid KeptItemOf(string holdingRelative) => Guid.ParseExact(holdingRelative[..32], "N");

    /// <summary>Lists a file now in the holding area (idempotent: recovery may call it again).</summary>
    public static async Task RecordAsync(FolderPrismDbContext db, string holdingRelative, string source, string contentHash, long size,
        int? width, int? height, string? mime, int distance, CancellationToken cancellationToken)
    {
        if (await db.DisplacedVersions.AnyAsync(d => d.HoldingPath == holdingRelative, cancellationToken))
        {
            return;
        }

        var kept = KeptItemOf(holdingRelative);
        if (!await db.MediaItems.AnyAsync(i => i.Id == kept, cancellationToken))
        {
            return; // the kept item is gone; the file stays in the holding area for the user to clear
        }

        db.DisplacedVersions.Add(new DisplacedVersion
        {
            KeptItemId = kept, HoldingPath = holdingRelative, OriginalSource = source, ContentHash = contentHash, Size = size,
            Width = width, Height = height, MimeType = mime, Distance = distance, DisplacedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// In one transaction: the new item takes the old one's user links and displaced versions, the old row goes, the
    /// old file is listed as displaced and its move into the holding area is journaled. Returns the journal entry.
    /// </summary>
    public static async Task<ImportJournalEntry> TakeOverAsync(FolderPrismDbContext db, Guid newId, Guid oldId, string originals,
        int distance, Guid batchId, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var old = await db.MediaItems.Include(i => i.Tags).Include(i => i.Albums).Include(i => i.Faces)
            .AsSplitQuery().SingleAsync(i => i.Id == oldId, cancellationToken);
        var fresh = await db.MediaItems.Include(i => i.Tags).Include(i => i.Albums)
            .AsSplitQuery().SingleAsync(i => i.Id == newId, cancellationToken);
        foreach (var tag in old.Tags.Where(t => fresh.Tags.All(f => f.TagId != t.TagId)))
        {
            fresh.Tags.Add(new ItemTag { ItemId = newId, TagId = tag.TagId, Source = tag.Source, AddedAt = tag.AddedAt });
        }

        foreach (var album in old.Albums.Where(a => fresh.Albums.All(f => f.AlbumId != a.AlbumId)))
        {
            fresh.Albums.Add(new AlbumItem { ItemId = newId, AlbumId = album.AlbumId, Source = album.Source, AddedAt = album.AddedAt });
        }

        // People: user-assigned faces move (file faces come from the new file's own metadata).
        foreach (var face in old.Faces.Where(f => f.Source == AssociationSource.User))
        {
            face.ItemId = newId;
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.DisplacedVersions.Where(d => d.KeptItemId == oldId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.KeptItemId, newId), cancellationToken);
        var oldFull = LibraryPaths.ToFull(originals, old.RelativePath);
        var holding = PlanPath(originals, newId, Path.GetFileName(old.RelativePath), old.ContentHash ?? "00000000");
        db.DisplacedVersions.Add(new DisplacedVersion
        {
            KeptItemId = newId, HoldingPath = holding, OriginalSource = "Originals/" + old.RelativePath,
            ContentHash = old.ContentHash ?? "", Size = old.Size, Width = old.Width, Height = old.Height, MimeType = old.MimeType,
            Distance = distance, DisplacedAt = DateTimeOffset.UtcNow,
        });
        var entry = new ImportJournalEntry
        {
            BatchId = batchId, SourcePath = oldFull, DestinationPath = JournalPrefix + holding, Move = true,
            ContentHash = old.ContentHash ?? "", Size = old.Size, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.ImportJournal.Add(entry);
        db.MediaItems.Remove(old);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return entry;
    }

    /// <summary>Moves a file into the holding area (link+unlink on the same file system, else copy, verify, delete).</summary>
    public static async Task MoveFileAsync(string source, string destination, string contentHash, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        if (File.Exists(destination) || !File.Exists(source))
        {
            if (File.Exists(source) && File.Exists(destination) &&
                await Metadata.ContentHasher.ComputeAsync(destination, cancellationToken) == contentHash)
            {
                File.Delete(source); // replay: already linked, the unlink was interrupted
            }

            return;
        }

        if (FileTransfer.TryMoveByLink(source, destination) is null)
        {
            var temp = Path.Combine(Path.GetDirectoryName(destination)!, $".fp-import-{Guid.NewGuid():N}.tmp");
            if (await FileTransfer.CopyVerifiedAsync(source, temp, destination, contentHash, cancellationToken))
            {
                File.Delete(source);
            }
        }
    }
}
