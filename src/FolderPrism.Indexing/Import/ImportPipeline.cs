namespace FolderPrism.Indexing.Import;

/// <summary>
/// Runs <see cref="ImportPreparer"/> on up to <c>parallelism</c> inputs at once, a bounded window ahead of the
/// sequential stage, which takes the results strictly in input order. Decisions (duplicates, names, best versions)
/// are therefore made in input order on results that do not depend on thread timing: the library comes out the same
/// whatever the parallelism. Disposing stops the look-ahead and waits for work in flight.
/// </summary>
internal sealed class ImportPipeline : IAsyncDisposable
{
    private readonly IReadOnlyList<ImportFile> files;
    private readonly Func<ImportFile, CancellationToken, Task<PreparedFile>> prepare;
    private readonly Task<PreparedFile>?[] tasks;
    private readonly SemaphoreSlim slots;
    private readonly CancellationTokenSource stop;
    private readonly int window;
    private int started;
    private int taken;

    public ImportPipeline(IReadOnlyList<ImportFile> files, int parallelism, Func<ImportFile, CancellationToken, Task<PreparedFile>> prepare,
        CancellationToken cancellationToken)
    {
        this.files = files;
        this.prepare = prepare;
        tasks = new Task<PreparedFile>?[files.Count];
        var width = Math.Max(1, parallelism);
        slots = new SemaphoreSlim(width);
        window = width * 4;
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        StartAhead();
    }

    /// <summary>The prepared result of the next input; <paramref name="file"/> must be that input (order is enforced).</summary>
    public async Task<PreparedFile> TakeAsync(ImportFile file, CancellationToken cancellationToken)
    {
        if (taken >= files.Count || !ReferenceEquals(files[taken], file))
        {
            throw new InvalidOperationException($"Import inputs must be taken in order; expected {(taken < files.Count ? files[taken].Label : "none")}, got {file.Label}.");
        }

        var task = tasks[taken]!;
        tasks[taken] = null;
        taken++;
        StartAhead();
        return await task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        foreach (var task in tasks)
        {
            if (task is null)
            {
                continue;
            }

            try
            {
                await task;
            }
            catch (Exception)
            {
                // Look-ahead work whose result nobody will read (cancelled, or the run stopped early).
            }
        }

        stop.Dispose();
        slots.Dispose();
    }

    private void StartAhead()
    {
        while (started < files.Count && started < taken + window)
        {
            var file = files[started];
            tasks[started] = Task.Run(() => RunOneAsync(file));
            started++;
        }
    }

    private async Task<PreparedFile> RunOneAsync(ImportFile file)
    {
        await slots.WaitAsync(stop.Token);
        try
        {
            return await prepare(file, stop.Token);
        }
        finally
        {
            slots.Release();
        }
    }
}
