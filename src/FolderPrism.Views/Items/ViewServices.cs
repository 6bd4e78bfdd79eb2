using FolderPrism.Core.Configuration;
using FolderPrism.Data;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Properties;
using FolderPrism.WebDav.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FolderPrism.Views.Items;

/// <summary>What every view needs: the index, the options, the property managers and where the originals live.</summary>
internal sealed class ViewServices(
    IDbContextFactory<FolderPrismDbContext> contexts, IOptions<ViewOptions> options, IOptions<LibraryOptions> library,
    LivePropertyCatalog catalog, ContentTypeMap contentTypes, IEntityTagProvider etags, TimeProvider time, IndexGeneration generation,
    DavWriteCounter writes)
{
    /// <summary>Listings of the current index generation, by folder path (repeated PROPFINDs without queries).</summary>
    public ListingCache Listings { get; } = new(generation, options.Value.ListingCacheSize, VisionScope.For(options.Value).ReadsVision, writes);

    public IDbContextFactory<FolderPrismDbContext> Contexts { get; } = contexts;

    public ViewOptions Options { get; } = options.Value;

    public string OriginalsRoot { get; } = library.Value.OriginalsPath;

    /// <summary>Where deleted originals wait (beside Originals/, same file system, so moves are atomic renames).</summary>
    public string TrashRoot { get; } = Path.Combine(Path.GetFullPath(library.Value.Path), ".trash");

    /// <summary>Where import holds displaced (lesser) versions of photos: <c>&lt;library&gt;/.duplicates</c>.</summary>
    public string HoldingRoot { get; } = Path.Combine(Path.GetFullPath(library.Value.Path), ".duplicates");

    public LivePropertyCatalog Catalog { get; } = catalog;

    public ContentTypeMap ContentTypes { get; } = contentTypes;

    public IEntityTagProvider ETags { get; } = etags;

    /// <summary>Modification time reported for virtual folders (they have no time of their own).</summary>
    public DateTimeOffset Started { get; } = time.GetUtcNow();

    /// <summary>Full path of a row's file; trashed rows point outside Originals/ (<c>../.trash/…</c>), normalised lexically.</summary>
    public string FullPath(string relativePath)
    {
        var full = Path.Combine(OriginalsRoot, relativePath.Replace('/', Path.DirectorySeparatorChar));
        return relativePath.StartsWith("../", StringComparison.Ordinal) ? Path.GetFullPath(full) : full;
    }
}
