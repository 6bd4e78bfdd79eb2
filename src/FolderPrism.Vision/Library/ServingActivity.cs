namespace FolderPrism.Vision.Library;

/// <summary>
/// How busy serving is, as the host sees it: requests in flight and when the last one finished. The vision worker
/// pauses between photos while <see cref="IsBusy"/>, so WebDAV listings and downloads keep the CPU to themselves.
/// </summary>
public sealed class ServingActivity(TimeProvider time)
{
    private int _active;
    private long _lastTimestamp;

    public int Active => Volatile.Read(ref _active);

    private int _vision;

    /// <summary>Photos the vision worker is analysing right now (how many of its threads are inside a photo).</summary>
    public int VisionRunning => Volatile.Read(ref _vision);

    /// <summary>Marks one photo analysis as started (the vision worker, around each photo).</summary>
    public void VisionEnter() => Interlocked.Increment(ref _vision);

    /// <summary>Marks one photo analysis as finished.</summary>
    public void VisionExit() => Interlocked.Decrement(ref _vision);

    /// <summary>Marks a request as in flight until the returned handle is disposed.</summary>
    public IDisposable Begin()
    {
        Interlocked.Increment(ref _active);
        return new Handle(this);
    }

    /// <summary>True while a request runs or one finished less than <paramref name="quiet"/> ago.</summary>
    public bool IsBusy(TimeSpan quiet)
    {
        if (Active > 0)
        {
            return true;
        }

        var last = Interlocked.Read(ref _lastTimestamp);
        return last != 0 && time.GetElapsedTime(last) < quiet;
    }

    private void End()
    {
        Interlocked.Exchange(ref _lastTimestamp, time.GetTimestamp());
        Interlocked.Decrement(ref _active);
    }

    private sealed class Handle(ServingActivity owner) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                owner.End();
            }
        }
    }
}
