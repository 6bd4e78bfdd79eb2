namespace FolderPrism.Host.Cli;

/// <summary>
/// Reports on the caller's thread (unlike <see cref="Progress{T}"/>, which posts to the thread pool), so the last
/// report is applied before the run returns and the bar ends where the work ended.
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock gate = new();

    public void Report(T value)
    {
        lock (gate)
        {
            report(value);
        }
    }
}
