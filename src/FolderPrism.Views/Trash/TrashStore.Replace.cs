using FolderPrism.Core.Library;
using FolderPrism.Indexing.Import;
using FolderPrism.Views.Sidecars;

namespace FolderPrism.Views.Trash;

/// <summary>
/// PUT over a photo without a gap: the old version first gets a second name in its trash folder (a hard link, so no
/// copy and nothing moves yet), the row follows it into the trash (committed), and only then is the new file renamed
/// over the path — one atomic rename, so a reader of that path sees the old bytes or the new ones, never a 404. The
/// marker <see cref="ReplaceMarker"/> (written before the link, removed after the rename) tells <see cref="TrashRepair"/>
/// that a folder may hold a second name of a file still in Originals/, so a crash never leaves the photo twice.
/// </summary>
internal sealed partial class TrashStore
{
    /// <summary>Beside <see cref="OriginFile"/> while a replace is under way (its name starts like the journal's, so it is never taken for the data file).</summary>
    public const string ReplaceMarker = OriginFile + ".replace";

    /// <summary>
    /// Puts the complete file <paramref name="replacement"/> (same folder) at <paramref name="physicalPath"/>, the old
    /// photo going to the trash. False when the old file is not one the trash keeps, or the file system has no hard
    /// links: the caller then trashes and renames in two steps.
    /// </summary>
    public Task<bool> ReplaceFileAsync(string physicalPath, string replacement, CancellationToken cancellationToken) =>
        WithFileRowAsync(physicalPath, (db, item) => ReplaceRowAsync(db, item, replacement), cancellationToken);

    private async Task<bool> ReplaceRowAsync(Data.FolderPrismDbContext db, MediaItem item, string replacement)
    {
        var original = item.RelativePath;
        var source = services.FullPath(original);
        var folder = Folder(item.Id);
        var name = Path.GetFileName(original);
        var kept = Path.Combine(folder, name);
        Directory.CreateDirectory(folder);
        await WriteOriginAsync(folder, original);
        await File.WriteAllBytesAsync(Path.Combine(folder, ReplaceMarker), [], CancellationToken.None);
        var error = NativeFileOps.Link(source, kept);
        if (error != 0)
        {
            DeleteFolder(folder);
            return error is NativeFileOps.EXDEV or 1 /* EPERM: no hard links here */ ? false
                : throw new IOException($"Cannot link {source} into the trash: errno {error}.");
        }

        NativeFileOps.SyncDirectory(folder);
        MarkTrashed(item, name, source);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            DeleteFolder(folder); // only the second name goes: the photo is still in Originals/
            throw;
        }

        var sidecars = SidecarTravel.Plan(source, kept);
        try
        {
            File.Move(replacement, source, overwrite: true);
        }
        catch
        {
            item.RelativePath = original;
            item.TrashedAt = null;
            await db.SaveChangesAsync(CancellationToken.None);
            DeleteFolder(folder);
            throw;
        }

        NativeFileOps.SyncDirectory(Path.GetDirectoryName(source)!);
        File.Delete(Path.Combine(folder, ReplaceMarker));
        SidecarTravel.Move(sidecars);
        return true;
    }

    /// <summary>Same length and bytes (a replace interrupted before its rename: both names are one file).</summary>
    public static bool SameBytes(string a, string b)
    {
        var (x, y) = (new FileInfo(a), new FileInfo(b));
        if (!x.Exists || !y.Exists || x.Length != y.Length)
        {
            return false;
        }

        using var first = x.OpenRead();
        using var second = y.OpenRead();
        var (bufferA, bufferB) = (new byte[81920], new byte[81920]);
        while (true)
        {
            var read = first.ReadAtLeast(bufferA, bufferA.Length, throwOnEndOfStream: false);
            if (second.ReadAtLeast(bufferB, read, throwOnEndOfStream: false) != read || !bufferA.AsSpan(0, read).SequenceEqual(bufferB.AsSpan(0, read)))
            {
                return false;
            }

            if (read < bufferA.Length)
            {
                return true;
            }
        }
    }
}
