using FolderPrism.Core.Files;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Properties;

namespace FolderPrism.WebDav.Store;

/// <summary>A real folder of the library (<c>Originals/</c> or <c>Import/</c>) served read-write.</summary>
public sealed class FileSystemMount : IDavMount
{
    private readonly string _root;

    public FileSystemMount(
        string name, string physicalRoot, string libraryRoot, LivePropertyCatalog catalog, ContentTypeMap contentTypes,
        IEntityTagProvider etags)
    {
        ETags = etags;
        Name = name;
        Directory.CreateDirectory(physicalRoot);
        _root = PhysicalPathGuard.RealPath(physicalRoot);
        Guard = new PhysicalPathGuard([libraryRoot, _root]);
        Catalog = catalog;
        ContentTypes = contentTypes;
    }

    public string Name { get; }

    internal PhysicalPathGuard Guard { get; }

    internal LivePropertyCatalog Catalog { get; }

    internal ContentTypeMap ContentTypes { get; }

    internal IEntityTagProvider ETags { get; }

    public ValueTask<IDavItem?> GetItemAsync(DavPath path, CancellationToken cancellationToken)
    {
        var physical = MapPhysicalPath(path);
        if (physical is null || ClientNoise.IsUploadTemp(path.Name))
        {
            return ValueTask.FromResult<IDavItem?>(null);
        }

        FileSystemInfo info = new FileInfo(physical);
        if (info.LinkTarget is not null)
        {
            // Metadata (size, times) must come from the final target, not from the link itself.
            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        }

        if (!info.Exists)
        {
            info = new DirectoryInfo(physical);
            if (!info.Exists)
            {
                return ValueTask.FromResult<IDavItem?>(null);
            }
        }

        return ValueTask.FromResult<IDavItem?>(new FileSystemItem(this, path, info));
    }

    public string? MapPhysicalPath(DavPath path)
    {
        if (path.Segments.Count == 0 || !string.Equals(path.Segments[0], Name, StringComparison.Ordinal))
        {
            return null;
        }

        return Guard.Join(_root, path.Segments.Skip(1));
    }
}
