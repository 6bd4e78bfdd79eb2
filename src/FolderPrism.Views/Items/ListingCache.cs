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
/// </summary>
internal sealed class ListingCache(IndexGeneration generation, int capacity, Func<string, bool> readsVision)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _listings = new(StringComparer.Ordinal);
    private long _loads;

    /// <summary>Values computed (cache misses) since start: what tests and diagnostics see of the cache's hit rate.</summary>
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

        var current = generation.Current();
        lock (_lock)
        {
            if (_listings.TryGetValue(key, out var cached) && cached.Value is T value && cached.ValidAt(current))
            {
                return value;
            }
        }

        Interlocked.Increment(ref _loads);
        var listing = await load(cancellationToken);
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

            _listings[key] = new Entry(listing, current, readsVision(key));
        }

        return listing;
    }

    private sealed record Entry(object Value, IndexVersion Version, bool ReadsVision)
    {
        public bool ValidAt(IndexVersion current) =>
            Version.Library == current.Library && (!ReadsVision || Version.Vision == current.Vision);
    }
}
