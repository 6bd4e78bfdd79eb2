using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Store;

namespace FolderPrism.Views.Items;

/// <summary>
/// The last listings of virtual folders, by folder path, each valid while the part of the index it depends on is
/// unchanged (<see cref="IndexVersion"/>): a listing is a pure function of the index, so while nothing it reads was
/// committed a repeated PROPFIND (file managers re-list constantly) costs no query at all. Listings of views that
/// never read vision data (<paramref name="readsVision"/> false for their key: Timeline, Tags, Cameras, …) outlive
/// the vision worker's commits; People, Labels and Search (which match people and labels) do not. The version is read
/// BEFORE the listing's queries, so a commit racing a listing leaves it tagged with the older number and it is
/// recomputed next time. Bounded: at most <c>capacity</c> entries (outdated ones go first).
/// <para>
/// Stale while revalidate for vision: a listing outdated only by vision commits (faces, labels, people; the library
/// unchanged) while no write came through WebDAV since it was computed (<paramref name="writes"/>) is served as it
/// is, and one background load per key refreshes it. While the worker analyses, it commits a photo every ~150 ms,
/// so nearly every Search/People/Labels PROPFIND recomputed its listing on the request path: in make bench-vision
/// the busy p50 of a 1,000-item search was 6–8 ms against 2–4 ms idle. A user's own writes (PUT, MOVE, DELETE, a face
/// marked or a person renamed over WebDAV, …) are never served stale: the next listing is computed with them.
/// Vision writes of another process (the CLI) show from the request after the background load.
/// </para>
/// </summary>
internal sealed class ListingCache(IndexGeneration generation, int capacity, Func<string, bool> readsVision, DavWriteCounter writes)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _listings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _refreshing = new(StringComparer.Ordinal);
    private long _loads;

    /// <summary>Values computed (cache misses and background refreshes) since start: what tests see of the hit rate.</summary>
    public long Loads => Interlocked.Read(ref _loads);

    public bool Enabled => capacity > 0;

    public Task<IReadOnlyList<IDavItem>> GetOrLoadAsync(
        string folder, Func<CancellationToken, Task<IReadOnlyList<IDavItem>>> load, CancellationToken cancellationToken) =>
        GetOrLoadValueAsync(folder, load, cancellationToken);

    /// <summary>Any value computed from the index alone (never mutated after it is returned), by key.</summary>
    public async Task<T> GetOrLoadValueAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : class
    {
        if (!Enabled)
        {
            return await load(cancellationToken);
        }

        var noted = writes.Current; // before the version: a write that commits after it moves this number
        var current = generation.Current();
        lock (_lock)
        {
            if (_listings.TryGetValue(key, out var cached) && cached.Value is T value)
            {
                if (cached.ValidAt(current))
                {
                    return value;
                }

                if (cached.OutdatedByVisionOnly(current) && writes.NoneSince(cached.Writes))
                {
                    if (!_refreshing.ContainsKey(key))
                    {
                        _refreshing[key] = Task.Run(() => RefreshAsync(key, load), CancellationToken.None);
                    }

                    return value;
                }
            }
        }

        var listing = await load(cancellationToken);
        Interlocked.Increment(ref _loads);
        Store(key, listing, current, noted);
        return listing;
    }

    /// <summary>Completes when the background refreshes started so far are done (tests).</summary>
    internal Task RefreshesSettled()
    {
        lock (_lock)
        {
            return Task.WhenAll(_refreshing.Values);
        }
    }

    private async Task RefreshAsync<T>(string key, Func<CancellationToken, Task<T>> load)
        where T : class
    {
        try
        {
            var noted = writes.Current;
            var current = generation.Current();
            var listing = await load(CancellationToken.None);
            Interlocked.Increment(ref _loads);
            Store(key, listing, current, noted);
        }
        catch (Exception)
        {
            // The next request loads it on its own path (and sees the error) rather than being served stale forever.
            lock (_lock)
            {
                _listings.Remove(key);
            }
        }
        finally
        {
            lock (_lock)
            {
                _refreshing.Remove(key);
            }
        }
    }

    private void Store(string key, object listing, IndexVersion current, long noted)
    {
        lock (_lock)
        {
            if (_listings.Count >= capacity && !_listings.ContainsKey(key))
            {
                foreach (var stale in _listings.Where(e => !e.Value.ValidAt(current)).Select(e => e.Key).ToList())
                {
                    _listings.Remove(stale);
                }

                if (_listings.Count >= capacity)
                {
                    _listings.Clear();
                }
            }

            _listings[key] = new Entry(listing, current, readsVision(key), noted);
        }
    }

    private sealed record Entry(object Value, IndexVersion Version, bool ReadsVision, long Writes)
    {
        public bool ValidAt(IndexVersion current) =>
            Version.Library == current.Library && (!ReadsVision || Version.Vision == current.Vision);

        public bool OutdatedByVisionOnly(IndexVersion current) => Version.Library == current.Library && ReadsVision && Version.Vision != current.Vision;
    }
}
