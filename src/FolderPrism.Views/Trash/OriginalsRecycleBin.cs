using FolderPrism.Core.Media;
using FolderPrism.Views.Items;
using FolderPrism.Views.Sidecars;
using FolderPrism.WebDav.Store;

namespace FolderPrism.Views.Trash;

/// <summary>
/// The WebDAV recycle-bin hook: DELETE in Originals/ trashes photos and videos (other files are deleted for real:
/// the trash is a view of the index, and litmus-style scratch files or client noise have no place in it); MOVE of a
/// Trash item to a free path in Originals/ restores it there; an overwritten photo goes to the trash like a deleted one.
/// </summary>
internal sealed class OriginalsRecycleBin(TrashStore trash) : IDavRecycleBin
{
    public Task<bool> TryRecycleAsync(string physicalPath, CancellationToken cancellationToken) =>
        trash.TrashFileAsync(physicalPath, cancellationToken);

    /// <summary>A PUT over a photo: old version to the trash by a hard link, new one renamed over it (no gap at the path).</summary>
    public Task<bool> TryReplaceAsync(string physicalPath, string replacement, CancellationToken cancellationToken) =>
        trash.ReplaceFileAsync(physicalPath, replacement, cancellationToken);

    /// <summary>A photo renamed or moved in Originals/ takes its own XMP sidecars along (never a RAW+JPEG pair's shared one).</summary>
    public Task MovedAsync(string sourcePhysical, string targetPhysical, CancellationToken cancellationToken)
    {
        if (MediaTypes.GetKind(targetPhysical) != MediaKind.Unknown && MediaTypes.GetKind(sourcePhysical) != MediaKind.Unknown)
        {
            SidecarTravel.Follow(sourcePhysical, targetPhysical);
        }

        return Task.CompletedTask;
    }

    public async Task<bool> TryRestoreAsync(IDavItem source, string physicalPath, CancellationToken cancellationToken)
    {
        var services = trash.Services;
        if (source is not ViewFile file || source.Path.Segments[0] != services.Options.Trash)
        {
            return false;
        }

        var relative = Path.GetRelativePath(services.OriginalsRoot, physicalPath).Replace(Path.DirectorySeparatorChar, '/');
        if (relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative))
        {
            return false;
        }

        await trash.RestoreAsync(file.Entry.Id, relative, cancellationToken);
        return true;
    }
}
