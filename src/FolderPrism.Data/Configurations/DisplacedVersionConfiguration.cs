using FolderPrism.Core.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FolderPrism.Data.Configurations;

internal sealed class DisplacedVersionConfiguration : IEntityTypeConfiguration<DisplacedVersion>
{
    public void Configure(EntityTypeBuilder<DisplacedVersion> builder)
    {
        builder.ToTable("DisplacedVersions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.HoldingPath).HasMaxLength(4096);
        builder.Property(e => e.OriginalSource).HasMaxLength(4096);
        builder.Property(e => e.ContentHash).HasMaxLength(64);
        builder.Property(e => e.MimeType).HasMaxLength(128);
        builder.HasIndex(e => e.KeptItemId);
        builder.HasIndex(e => e.ContentHash);
        builder.HasOne<MediaItem>().WithMany().HasForeignKey(e => e.KeptItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
