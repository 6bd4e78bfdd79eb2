using Microsoft.Win32.SafeHandles;

namespace FolderPrism.WebDav.Http.DirectSend;

/// <summary>
/// Output stream positions [<see cref="Start"/>, <see cref="End"/>) whose bytes come from <see cref="File"/> at
/// <see cref="FileOffset"/> onwards. Owns the file (an asynchronous <see cref="FileStream"/>: SendPacketsElement accepts nothing else).
/// </summary>
internal sealed class FileRegion(SafeFileHandle handle, long start, long fileOffset, long count) : IDisposable
{
    public FileStream File { get; } = new(handle, FileAccess.Read, bufferSize: 0, isAsync: true);

    public long Start { get; } = start;

    public long End { get; } = start + count;

    public long FileOffset { get; } = fileOffset;

    /// <summary>Set once a sending thread gave the region up because its client stopped reading.</summary>
    public bool Stalled { get; set; }

    public void Dispose() => File.Dispose();
}
