namespace FolderPrism.Vision.Library;

/// <summary>The daemon's background vision worker (configuration section <c>Vision:Worker</c>).</summary>
public sealed class VisionWorkerOptions
{
    /// <summary>Run vision in the daemon at all (the <c>faces run</c> verb works regardless).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Pause between photos while a request is in flight or finished less than this long ago.</summary>
    public TimeSpan PauseAfterRequest { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Photos read from the queue per database round trip.</summary>
    public int BatchSize { get; set; } = 8;

    /// <summary>While photos keep coming, re-cluster at most this often; once the queue drains, at once.</summary>
    public TimeSpan ClusterInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle worker looks for new photos (or newly installed models).</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(5);
}
