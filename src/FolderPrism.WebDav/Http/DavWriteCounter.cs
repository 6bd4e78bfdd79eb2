namespace FolderPrism.WebDav.Http;

/// <summary>
/// Counts the requests through WebDAV that may write (every method but GET, HEAD, OPTIONS and PROPFIND) when they start
/// and again when they end, and how many are in flight: a cache that noted <see cref="Current"/> before computing a
/// value asks <see cref="NoneSince"/> whether a user's write may have happened since (the views' listing cache never
/// serves such a value stale). In flight counts too: a handler's response can reach the client before it ends.
/// </summary>
public sealed class DavWriteCounter
{
    private static readonly HashSet<string> ReadOnlyMethods = new(StringComparer.OrdinalIgnoreCase) { "GET", "HEAD", "OPTIONS", "PROPFIND" };

    private long _value;
    private int _active;

    public long Current => Interlocked.Read(ref _value);

    public static bool MayWrite(string method) => !ReadOnlyMethods.Contains(method);

    /// <summary>No write in flight, and none started since <paramref name="noted"/> was read from <see cref="Current"/>.</summary>
    public bool NoneSince(long noted) => Volatile.Read(ref _active) == 0 && Interlocked.Read(ref _value) == noted;

    internal void Begin()
    {
        Interlocked.Increment(ref _active);
        Interlocked.Increment(ref _value);
    }

    internal void End()
    {
        Interlocked.Increment(ref _value);
        Interlocked.Decrement(ref _active);
    }
}
