using FolderPrism.WebDav.Store;

namespace FolderPrism.Views.Items;

/// <summary>
/// The last listings of virtual folders, by folder path, valid for one <see cref="IndexGeneration"/>: a listing is a
/// pure function of the index, so while nothing was committed a repeated PROPFIND (file managers re-list constantly)
/// costs no query at all. The generation is read BEFORE the listing's queries, so a commit racing a listing leaves it
/// tagged with the older number and it is recomputed next time. Bounded: at most <c>capacity</c> folders, all of the
/// current generation (older ones are dropped as soon as the number moves).
/// </summary>
internal sealed class ListingCache(IndexGeneration generation, int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, object> _listings = new(StringComparer.Ordinal);
    private long _generation = -1;

    public bool Enabled => capacity > 0;

    public Task<IReadOnlyList<IDavItem>> GetOrLoadAsync(
        string folder, Func<CancellationToken, Task<IReadOnlyList<IDavItem>>> load, CancellationToken cancellationToken) =>
        GetOrLoadValueAsync(folder, load, cancellationToken);

    /// <summary>Any value computed from the index alone (never mutated after it is returned), by key.</summary>
    public async Task<T> GetOrLoadValueAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : class
    {
        var folder = key;
        if (!Enabled)
        {
            return await load(cancellationToken);
        }

        var current = generation.Current();
        lock (_lock)
        {
            if (_generation == current && _listings.TryGetValue(folder, out var cached) && cached is T value)
            {
                return value;
            }
        }

        var listing = await load(cancellationToken);
        lock (_lock)
        {
            if (current > _generation) // the number only grows
            {
                _listings.Clear();
                _generation = current;
            }

            if (current == _generation)
            {
                if (_listings.Count >= capacity)
                {
                    _listings.Clear();
                }

                _listings[folder] = listing;
            }
        }

        return listing;
    }
}
