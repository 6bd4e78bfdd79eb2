using System.Buffers;
using System.IO.Pipelines;

namespace FolderPrism.WebDav.Xml;

/// <summary>
/// A write-only stream that appends to the response <see cref="PipeWriter"/> without flushing. A synchronous
/// <see cref="System.Xml.XmlWriter"/> on top of it costs no per-call Task, while the caller flushes the pipe
/// asynchronously every few entries — streaming with real back-pressure and no blocking I/O.
/// </summary>
internal sealed class PipeWriterStream(PipeWriter writer) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => writer.Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => writer.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        writer.Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
        // Deliberately nothing: the owner awaits PipeWriter.FlushAsync at entry boundaries.
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
