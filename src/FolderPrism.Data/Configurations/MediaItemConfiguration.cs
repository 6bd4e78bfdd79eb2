using FolderPrism.Core.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FolderPrism.Data.Configurations;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        // AFTER triggers keep DuplicateHashes (hashes shared by 2+ rows) in step with every insert, delete and hash
        // change; SQLite's RETURNING clause does not mix with AFTER triggers, so EF saves this table without it.
        // They live in migration DuplicateHashes: a later migration that rebuilds MediaItems must create them again.
        builder.ToTable("MediaItems", tb =>
        {
            tb.HasTrigger("TR_MediaItems_DuplicateHash_Insert");
            tb.HasTrigger("TR_MediaItems_DuplicateHash_Update");
            tb.HasTrigger("TR_MediaItems_DuplicateHash_Delete");
            tb.UseSqlReturningClause(false);
        });
        builder.HasKey(i => i.Id);
        builder.Property(i => i.RelativePath).IsRequired().HasMaxLength(4096);
        builder.HasIndex(i => i.RelativePath).IsUnique();
        builder.Property(i => i.ContentHash).HasMaxLength(32);
        builder.HasIndex(i => i.ContentHash);
        builder.HasIndex(i => i.PerceptualHash);
        builder.HasIndex(i => i.TakenLocal);
        builder.HasIndex(i => i.State);
        // Covering for the views: visible items in capture order (ORDER BY TakenLocal, Id with early LIMIT exit), their
        // years/months/days, and IN-probes of tag/person/album filters by Id, without touching the table.
        builder.HasIndex(i => new { i.State, i.TrashedAt, i.TakenLocal, i.Id });
        // Trash repair (start-up) and expiry read only the trashed rows: a small partial index instead of a table scan.
        builder.HasIndex(i => i.TrashedAt).HasFilter("\"TrashedAt\" IS NOT NULL").HasDatabaseName("IX_MediaItems_Trashed");
        builder.Property(i => i.MimeType).HasMaxLength(128);
        builder.Property(i => i.Make).HasMaxLength(256);
        builder.Property(i => i.Model).HasMaxLength(256);
        builder.Property(i => i.Lens).HasMaxLength(256);
        builder.Property(i => i.VideoCodec).HasMaxLength(64);
        // Binary ticks keep DateTimeOffset comparable and sortable in SQLite queries (always stored in UTC).
        builder.Property(i => i.MissingSince).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(i => i.TrashedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.HasMany(i => i.Tags).WithOne().HasForeignKey(t => t.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Faces).WithOne().HasForeignKey(f => f.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Albums).WithOne().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Sidecars).WithOne().HasForeignKey(s => s.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
