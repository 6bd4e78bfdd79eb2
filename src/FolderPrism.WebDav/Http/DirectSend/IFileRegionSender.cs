using Microsoft.Win32.SafeHandles;

namespace FolderPrism.WebDav.Http.DirectSend;

/// <summary>
/// Connection feature offered by <see cref="DirectSendConnectionMiddleware"/>: lets a response body come straight
/// from a file with sendfile(2) instead of being copied through user space. Kestrel still sees every body byte (the
/// caller writes placeholders of the same length), so its Content-Length checks, keep-alive and timeouts keep
/// working; only the bytes that reach the socket for those positions come from the file.
/// </summary>
internal interface IFileRegionSender
{
    /// <summary>
    /// Declares that the next <paramref name="count"/> bytes Kestrel hands to the transport are placeholders for
    /// <paramref name="count"/> bytes of <paramref name="file"/> from <paramref name="fileOffset"/>. Call it only
    /// after the response writer was flushed (so every earlier byte is already in the transport) and before writing
    /// the placeholders. Takes ownership of <paramref name="file"/> (closed once the region is sent or the connection
    /// ends). If the caller then fails to write all placeholders it must abort the connection.
    /// </summary>
    void BeginRegion(SafeFileHandle file, long fileOffset, long count);
}
