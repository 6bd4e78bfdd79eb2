using Microsoft.ML.OnnxRuntime;

namespace FolderPrism.Vision;

/// <summary>A model session borrowed from <see cref="VisionSessions"/>; dispose it when the run is over.</summary>
public sealed class SessionLease(InferenceSession session, Action release) : IDisposable
{
    private int _released;

    public InferenceSession Session { get; } = session;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            release();
        }
    }
}
