using System.Collections.Concurrent;

namespace FolderPrism.Indexing.Jobs;

/// <summary>
/// Keeps an async job loop on one dedicated (low-priority) thread: continuations after <c>await</c> are posted back
/// here instead of running on the normal-priority thread pool that serves requests.
/// </summary>
internal sealed class SingleThreadSynchronizationContext : SynchronizationContext, IDisposable
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly int _threadId = Environment.CurrentManagedThreadId;

    public override void Post(SendOrPostCallback d, object? state)
    {
        try
        {
            _queue.Add((d, state));
        }
        catch (InvalidOperationException)
        {
            ThreadPool.QueueUserWorkItem(_ => d(state)); // loop finished; run it anyway rather than lose it
        }
    }

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (Environment.CurrentManagedThreadId == _threadId)
        {
            d(state);
            return;
        }

        using var done = new ManualResetEventSlim();
        Exception? error = null;
        Post(_ =>
        {
            try
            {
                d(state);
            }
            catch (Exception ex)
            {
                error = ex;
            }
            finally
            {
                done.Set();
            }
        }, null);
        done.Wait();
        if (error is not null)
        {
            throw error;
        }
    }

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Pumps posted callbacks on the calling thread until <see cref="Complete"/>.</summary>
    public void RunOnCurrentThread()
    {
        foreach (var (callback, state) in _queue.GetConsumingEnumerable())
        {
            callback(state);
        }
    }

    public void Complete() => _queue.CompleteAdding();

    public void Dispose() => _queue.Dispose();
}
