namespace FolderPrism.Indexing;

/// <summary>Tuning of the index pipeline (configuration section <c>Indexing</c>).</summary>
public sealed class IndexingOptions
{
    public const string SectionName = "Indexing";

    /// <summary>Watch <c>Originals/</c> for changes; off means only scheduled/start-up reconciles keep the index fresh.</summary>
    public bool EnableWatcher { get; set; } = true;

    /// <summary>Quiet time after the last event on a path before it is looked at; a file is indexed once its size and
    /// mtime are equal on two checks one debounce apart.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Bytes of the watcher's event buffer (the OS may clamp it).</summary>
    public int WatcherBufferSize { get; set; } = 64 * 1024;

    /// <summary>Delay between daemon start and the background start-up reconcile, so serving is ready first.</summary>
    public TimeSpan StartupReconcileDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Interval of the scheduled full reconcile; zero or negative disables it.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Files per database transaction when many change at once. 100 rather than 500: EF Core's change
    /// tracker and command batch for 500 new items (and their jobs) live long enough to be promoted out of gen0, and
    /// a 10,000-file reconcile then grew the GC heap to 140 MB committed (65 MB at 100), and ran slower, too.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Background workers; 0 means automatic (1 on machines with 2 cores or fewer, else half the cores up to 4).</summary>
    public int WorkerCount { get; set; }

    /// <summary>Run the daemon's workers on threads with lowered OS priority so serving stays responsive.</summary>
    public bool LowerWorkerPriority { get; set; } = true;

    /// <summary>Workers of the foreground <c>folderprism index</c> run; 0 means one per core. Nothing is served
    /// meanwhile (the verb refuses to run next to a daemon), so it may use the whole machine at normal priority.</summary>
    public int ForegroundWorkerCount { get; set; }

    /// <summary>
    /// When the daemon's queue drains after at least this many jobs, and after each full reconcile, the code pages the
    /// burst ran (EF Core, libvips, MetadataExtractor) are handed back to the kernel
    /// (<see cref="Core.Threading.MappedFiles"/>); 0 turns both off.
    /// Not after small bursts: a page still in use is read back from disk, which on an SD card is worth saving.
    /// </summary>
    public int ReleaseMappedPagesAfterJobs { get; set; } = 200;

    /// <summary>Attempts (failures or crashes during work) before a file is quarantined.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First retry delay after a failure; doubles with each attempt.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a vanished file's row (and its tags, people, albums) is kept in case the file comes back.</summary>
    public TimeSpan MissingRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Extra glob patterns (relative to <c>Originals/</c>, e.g. <c>**/*.tmp</c>, <c>Private/**</c>) never indexed.</summary>
    public List<string> IgnorePatterns { get; set; } = [];

    public int EffectiveWorkerCount =>
        WorkerCount > 0 ? WorkerCount : Environment.ProcessorCount <= 2 ? 1 : Math.Min(Environment.ProcessorCount / 2, 4);

    public int EffectiveForegroundWorkerCount => ForegroundWorkerCount > 0 ? ForegroundWorkerCount : Environment.ProcessorCount;
}
