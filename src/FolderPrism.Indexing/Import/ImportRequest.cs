namespace FolderPrism.Indexing.Import;

/// <summary>One import run's inputs and mode.</summary>
/// <param name="Paths">Files, directories, <c>.zip</c>/<c>.tgz</c>/<c>.tar.gz</c> archives.</param>
/// <param name="Move">Move instead of copy (a rename on the same file system; across file systems copy, verify, delete).</param>
/// <param name="DryRun">Decide and report, touch nothing.</param>
public sealed record ImportRequest(IReadOnlyList<string> Paths, bool Move = false, bool DryRun = false)
{
    /// <summary>Directory names skipped while walking (e.g. <c>_failed</c> under <c>Import/</c>).</summary>
    public IReadOnlySet<string> SkipDirectories { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
