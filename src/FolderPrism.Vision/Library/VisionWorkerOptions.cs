namespace FolderPrism.Vision.Library;

/// <summary>The daemon's background vision worker (configuration section <c>Vision:Worker</c>).</summary>
public sealed class VisionWorkerOptions
{
    /// <summary>Run vision in the daemon at all (the <c>faces run</c> verb works regardless).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Pause between photos while a request is in flight or finished less than this long ago.</summary>
    public TimeSpan PauseAfterRequest { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Photos read from the queue per database round trip (shared by the analysing threads).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>
    /// Photos analysed at once, each on its own nice-10 thread with single-threaded model runs; 0 = one per core, at
    /// most 2 (two photos at once use both cores of a small box; more only adds memory).
    /// </summary>
    public int Parallelism { get; set; }

    /// <summary>The resolved <see cref="Parallelism"/>.</summary>
    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <summary>
    /// Photos analysed at once while serving is active (a request within <see cref="ServingWindow"/>): the other
    /// threads step aside at their next photo so a core stays free for requests. On a 2-core box two busy vision
    /// threads made every wake-up on a listing's request path (socket, thread pool, the client) wait for a core even
    /// at nice 10 (measured per request: run-queue wait, not the listing's own work), and they allocate twice as fast
    /// (vision's large buffers cost about one blocking gen2 GC per photo). 0 pauses vision entirely for the window; a
    /// value at or above <see cref="Parallelism"/> turns the step-down off.
    /// </summary>
    public int ParallelismWhileServing { get; set; } = 1;

    /// <summary>How long after a request serving counts as active for <see cref="ParallelismWhileServing"/>.</summary>
    public TimeSpan ServingWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>While photos keep coming, re-cluster at most this often; once the queue drains, at once.</summary>
    public TimeSpan ClusterInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// glibc's <c>M_MMAP_THRESHOLD</c> in bytes, set when the worker starts: larger native blocks (the biggest model
    /// activations, libvips rasters) get their own mappings and go back to the OS as soon as they are freed, which
    /// keeps the daemon's peak RSS down while two photos are analysed at once. Measured: 512 KB cut the peak most but
    /// its page faults doubled CenterNet's CPU; 4 MB costs little CPU and still cut ~50–90 MB off the two-thread peak.
    /// 0 leaves glibc's dynamic threshold.
    /// </summary>
    public int MmapThreshold { get; set; } = 4 * 1024 * 1024;

    /// <summary>How often an idle worker looks for new photos (or newly installed models).</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(5);
}
