using System.IO.Pipelines;

namespace FolderPrism.WebDav.Http.DirectSend;

/// <summary>
/// The transport writer Kestrel writes to: forwards to the connection's own pipe and counts every advanced byte, so a
/// file region can be pinned to an exact position of the output stream. Only the abstract members are overridden:
/// the base class's <c>WriteAsync</c> goes through <see cref="Advance"/> too, so nothing bypasses the count.
/// </summary>
internal sealed class CountingPipeWriter(PipeWriter inner) : PipeWriter
{
    private long _written;

    /// <summary>Bytes advanced so far (read from the request thread after a flush; written by Kestrel's writer).</summary>
    public long Written => Volatile.Read(ref _written);

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    public override void Advance(int bytes)
    {
        inner.Advance(bytes);
        Volatile.Write(ref _written, _written + bytes);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

    public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);
}
