using FolderPrism.Core.Library;
using FolderPrism.Core.Users;
using FolderPrism.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Data;

/// <summary>The daemon's single SQLite database. Entity mappings live in <c>Configurations/</c>, one per entity.</summary>
public sealed class FolderPrismDbContext(DbContextOptions<FolderPrismDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<MediaItem> MediaItems => Set<MediaItem>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<ItemTag> ItemTags => Set<ItemTag>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Face> Faces => Set<Face>();

    public DbSet<Label> Labels => Set<Label>();

    public DbSet<VisionState> VisionStates => Set<VisionState>();

    public DbSet<Album> Albums => Set<Album>();

    public DbSet<AlbumItem> AlbumItems => Set<AlbumItem>();

    public DbSet<ItemSidecar> ItemSidecars => Set<ItemSidecar>();

    public DbSet<IndexJob> IndexJobs => Set<IndexJob>();

    public DbSet<IndexMarker> IndexMarkers => Set<IndexMarker>();

    public DbSet<DeadProperty> DeadProperties => Set<DeadProperty>();

    public DbSet<ImportJournalEntry> ImportJournal => Set<ImportJournalEntry>();

    public DbSet<DisplacedVersion> DisplacedVersions => Set<DisplacedVersion>();

    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FolderPrismDbContext).Assembly);
    }
}
