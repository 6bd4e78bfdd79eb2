using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Properties;

namespace FolderPrism.WebDav.Store;

/// <summary>
/// One resource the WebDAV tree exposes: a real file or folder, or (in later issues) a virtual item computed from the
/// index. Handlers only talk to this shape, so virtual folders plug in without touching any method handler.
/// </summary>
public interface IDavItem
{
    DavPath Path { get; }

    bool IsCollection { get; }

    string DisplayName { get; }

    DateTimeOffset LastModified { get; }

    DateTimeOffset CreationDate { get; }

    /// <summary>Byte length of a document; 0 for collections.</summary>
    long ContentLength { get; }

    string ContentType { get; }

    /// <summary>Strong, quoted entity tag; must be cheap (never hash content per request) and stable across views.</summary>
    string? ETag { get; }

    /// <summary>Real file system location when the item is backed by one (allows zero-copy sends and writes).</summary>
    string? PhysicalPath { get; }

    /// <summary>
    /// Modification time of <see cref="PhysicalPath"/> in the stat this item's length and ETag came from; null when no
    /// stat was made. A rename over the file can land between that stat and the open, so GET checks the opened file
    /// against it and looks again when they differ: Content-Length and ETag always describe the bytes sent.
    /// </summary>
    DateTime? FileWriteTimeUtc { get; }

    /// <summary>The live properties this kind of item supports.</summary>
    IDavPropertyManager Properties { get; }

    /// <summary>Members of a collection (empty for documents), streamed so huge folders never sit in memory.</summary>
    IAsyncEnumerable<IDavItem> GetChildrenAsync(CancellationToken cancellationToken);

    /// <summary>Content of a document; used when <see cref="PhysicalPath"/> is null.</summary>
    ValueTask<Stream> OpenReadAsync(CancellationToken cancellationToken);
}
