using System.Text;
using FolderPrism.Core.Files;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Properties;

namespace FolderPrism.WebDav.Store;

/// <summary>A real file or folder under a <see cref="FileSystemMount"/>, with metadata from one stat.</summary>
internal sealed class FileSystemItem : IDavItem
{
    private static readonly EnumerationOptions ListOptions = new()
    {
        IgnoreInaccessible = true, AttributesToSkip = 0, RecurseSubdirectories = false, ReturnSpecialDirectories = false,
    };

    private readonly FileSystemInfo _info;
    private readonly FileSystemMount _mount;

    public FileSystemItem(FileSystemMount mount, DavPath path, FileSystemInfo info)
    {
        _mount = mount;
        _info = info;
        Path = path;
        IsCollection = info is DirectoryInfo;
        LastModified = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
    }

    public DavPath Path { get; }

    public bool IsCollection { get; }

    public string DisplayName => Path.Name;

    public DateTimeOffset LastModified { get; }

    public DateTimeOffset CreationDate
    {
        get
        {
            var created = _info.CreationTimeUtc;
            return created > _info.LastWriteTimeUtc || created.Year < 1971 ? LastModified : new DateTimeOffset(created, TimeSpan.Zero);
        }
    }

    public long ContentLength => _info is FileInfo file ? file.Length : 0;

    public string ContentType => IsCollection ? "httpd/unix-directory" : _mount.ContentTypes.For(Path.Name);

    public string? ETag => _info is FileInfo file ? _mount.ETags.GetETag(file) : null;

    public string? PhysicalPath => _info.FullName;

    public DateTime? FileWriteTimeUtc => IsCollection ? null : _info.LastWriteTimeUtc;

    public IDavPropertyManager Properties => IsCollection ? _mount.Catalog.Collections : _mount.Catalog.Documents;

    public IAsyncEnumerable<IDavItem> GetChildrenAsync(CancellationToken cancellationToken) =>
        EnumerateChildren(cancellationToken).ToAsyncEnumerable();

    public ValueTask<Stream> OpenReadAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<Stream>(new FileStream(_info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.Asynchronous));

    private IEnumerable<IDavItem> EnumerateChildren(CancellationToken cancellationToken)
    {
        if (_info is not DirectoryInfo directory)
        {
            yield break;
        }

        foreach (var entry in directory.EnumerateFileSystemInfos("*", ListOptions))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ClientNoise.IsUploadTemp(entry.Name))
            {
                continue;
            }

            var info = entry;
            if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                if (!_mount.Guard.IsSafeEntry(entry))
                {
                    continue;
                }

                var target = entry.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null || !target.Exists)
                {
                    continue;
                }

                info = target;
                if (!info.Exists)
                {
                    continue;
                }
            }

            var name = entry.Name.IsNormalized(NormalizationForm.FormC) ? entry.Name : entry.Name.Normalize(NormalizationForm.FormC);
            yield return new FileSystemItem(_mount, Path.Child(name), info);
        }
    }
}
