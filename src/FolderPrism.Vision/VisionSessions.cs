using FolderPrism.Vision.Models;
using Microsoft.ML.OnnxRuntime;

namespace FolderPrism.Vision;

/// <summary>
/// One ONNX Runtime session per model, created on first use with a single intra-op thread (measured faster than
/// two on 2-core machines and it leaves a core for serving) and released by <see cref="ReleaseIdle"/> so an idle
/// daemon gives the memory back.
/// </summary>
public sealed class VisionSessions : IDisposable
{
    private readonly ModelStore _store;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (InferenceSession Session, DateTime LastUsed)> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _inUse = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public VisionSessions(ModelStore store, TimeProvider? time = null)
    {
        _store = store;
        _time = time ?? TimeProvider.System;
    }

    public bool IsAvailable(string modelId) => _store.TryGetModelPath(modelId) is not null;

    public InferenceSession Get(string modelId)
    {
        lock (_gate)
        {
            if (_sessions.TryGetValue(modelId, out var entry))
            {
                _sessions[modelId] = (entry.Session, _time.GetUtcNow().UtcDateTime);
                return entry.Session;
            }

            var path = _store.TryGetModelPath(modelId)
                ?? throw new InvalidOperationException($"vision model '{modelId}' is not installed; run `folderprism models install`");
            // CenterNet's largest activations (~9 MB each at 384 px) were mapped and page-faulted afresh on every run
            // once they went back to malloc (Vision:Worker:MmapThreshold): its own ORT arena keeps them for the next
            // run. Measured in make bench-vision: labels 86–95 → 50–63 ms CPU per photo, peak RSS 374 → 380 MB; the
            // arena goes with the session when VisionIdleReleaser releases it.
            var pooled = modelId == VisionModelCatalog.ObjectDetector.Id;
            using var options = new SessionOptions
            {
                IntraOpNumThreads = 1,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
                EnableMemoryPattern = false,
                // Without ORT's arena, activations go back to malloc after each run and the worker's malloc_trim
                // returns them to the OS: ~150 MB less resident between photos, no measurable speed cost here.
                EnableCpuMemArena = pooled,
            };
            var session = new InferenceSession(path, options);
            _sessions[modelId] = (session, _time.GetUtcNow().UtcDateTime);
            return session;
        }
    }

    /// <summary>
    /// The session for a model, protected from <see cref="ReleaseIdle"/> until the lease is disposed: releasing a
    /// session while it runs would free memory ONNX Runtime is still using.
    /// </summary>
    public SessionLease Lease(string modelId)
    {
        var session = Get(modelId);
        lock (_gate)
        {
            _inUse[modelId] = _inUse.GetValueOrDefault(modelId) + 1;
        }

        return new SessionLease(session, () =>
        {
            lock (_gate)
            {
                _inUse[modelId]--;
                if (_sessions.TryGetValue(modelId, out var entry))
                {
                    _sessions[modelId] = (entry.Session, _time.GetUtcNow().UtcDateTime);
                }
            }
        });
    }

    /// <summary>Disposes sessions unused for longer than <paramref name="idle"/> (never one in use); returns how many were released.</summary>
    public int ReleaseIdle(TimeSpan idle)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow().UtcDateTime;
            var stale = _sessions.Where(kv => now - kv.Value.LastUsed >= idle && _inUse.GetValueOrDefault(kv.Key) == 0).Select(kv => kv.Key).ToList();
            foreach (var id in stale)
            {
                _sessions[id].Session.Dispose();
                _sessions.Remove(id);
            }

            return stale.Count;
        }
    }

    public int LoadedCount
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Count;
            }
        }
    }

    public void Dispose() => ReleaseIdle(TimeSpan.Zero);
}
