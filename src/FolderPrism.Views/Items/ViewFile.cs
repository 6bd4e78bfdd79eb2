using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Properties;
using FolderPrism.WebDav.Store;

namespace FolderPrism.Views.Items;

/// <summary>
/// A photo as it appears in a view: the original file's bytes, named and dated from the index. Listings build it from
/// the index row alone; a single-item lookup (GET) passes the file's stat so length and ETag match the bytes served.
/// </summary>
internal sealed class ViewFile : IDavItem
{
    private readonly ViewServices _services;
    private string? _physicalPath;

    public ViewFile(ViewServices services, DavPath path, ViewEntry entry, FileInfo? stat = null, string? physicalPath = null)
    {
        _services = services;
        Path = path;
        Entry = entry;
        _physicalPath = physicalPath;
        LastModified = CaptureInstant(entry);
        FileWriteTimeUtc = stat?.LastWriteTimeUtc;
        if (stat is not null && (stat.Length != entry.Size || entry.ContentHash is null))
        {
            ContentLength = stat.Length;
            ETag = services.ETags.GetETag(stat);
        }
        else
        {
            ContentLength = entry.Size;
            ETag = entry.ContentHash is null ? null : "\"" + entry.ContentHash + "\"";
        }
    }

    public ViewEntry Entry { get; }

    /// <summary>Set for a displaced version shown in a Duplicates group (its <c>DisplacedVersion</c> row id).</summary>
    public long? DisplacedId { get; init; }

    public DavPath Path { get; }

    public bool IsCollection => false;

    public string DisplayName => Path.Name;

    public DateTimeOffset LastModified { get; }

    public DateTimeOffset CreationDate => LastModified;

    public long ContentLength { get; }

    public string ContentType => _services.ContentTypes.For(Entry.RelativePath);

    public string? ETag { get; }

    /// <summary>Built on first use (GET, COPY…): a listing of a thousand photos never needs the full paths.</summary>
    public string? PhysicalPath => _physicalPath ??= _services.FullPath(Entry.RelativePath);

    public DateTime? FileWriteTimeUtc { get; }

    public IDavPropertyManager Properties => _services.Catalog.Documents;

    public IAsyncEnumerable<IDavItem> GetChildrenAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<IDavItem>();

    public ValueTask<Stream> OpenReadAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<Stream>(new FileStream(PhysicalPath!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.Asynchronous));

    /// <summary>Capture time as an instant: the local time minus its recorded offset (UTC when no offset is known).</summary>
    public static DateTimeOffset CaptureInstant(ViewEntry entry)
    {
        var offset = entry.TakenOffsetMinutes is { } minutes && Math.Abs(minutes) <= 14 * 60 ? TimeSpan.FromMinutes(minutes) : TimeSpan.Zero;
        var local = DateTime.SpecifyKind(entry.TakenLocal, DateTimeKind.Unspecified);
        try
        {
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }
        catch (ArgumentOutOfRangeException)
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }
    }
}
