using System.Threading.Channels;
using FolderPrism.Indexing.Watching;

namespace FolderPrism.Indexing.Tests.Pipeline;

/// <summary>A channel reader that counts how often the coalescer polls it (each poll is one turn of its loop).</summary>
internal sealed class CountingReader(ChannelReader<FsEvent> inner) : ChannelReader<FsEvent>
{
    private long _reads;

    public long Reads => Interlocked.Read(ref _reads);

    public override bool TryRead(out FsEvent item)
    {
        Interlocked.Increment(ref _reads);
        return inner.TryRead(out item!);
    }

    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) =>
        inner.WaitToReadAsync(cancellationToken);
}
