namespace FolderPrism.Indexing;

/// <summary>
/// Serialises the index's read-modify-write sections (watcher, reconcile, job results) inside this process, so e.g. a
/// rename and a hash-merge cannot interleave. Each holder keeps it only for one short transaction.
/// </summary>
public sealed class IndexWriteGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Releaser(_semaphore);
    }

    public void Dispose() => _semaphore.Dispose();

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
