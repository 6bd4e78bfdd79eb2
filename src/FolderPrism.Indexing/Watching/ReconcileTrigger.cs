using System.Threading.Channels;

namespace FolderPrism.Indexing.Watching;

/// <summary>Asks for a full reconcile; requests made while one is pending collapse into one.</summary>
public sealed class ReconcileTrigger
{
    private readonly Channel<string> _channel =
        Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Request(string reason) => _channel.Writer.TryWrite(reason);

    /// <summary>Waits for a request; returns its reason, or null when <paramref name="timeout"/> passed first.</summary>
    public async Task<string?> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout > TimeSpan.Zero)
        {
            cts.CancelAfter(timeout);
        }

        try
        {
            return await _channel.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
