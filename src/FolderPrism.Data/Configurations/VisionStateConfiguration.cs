using FolderPrism.Core.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FolderPrism.Data.Configurations;

internal sealed class VisionStateConfiguration : IEntityTypeConfiguration<VisionState>
{
    public void Configure(EntityTypeBuilder<VisionState> builder)
    {
        builder.ToTable("VisionStates");
        builder.HasKey(v => v.ItemId);
        builder.Property(v => v.ContentHash).HasMaxLength(64);
        builder.Property(v => v.Error).HasMaxLength(1024);
        builder.HasOne<MediaItem>().WithOne().HasForeignKey<VisionState>(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
