using FolderPrism.Core.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FolderPrism.Data.Configurations;

internal sealed class ItemSidecarConfiguration : IEntityTypeConfiguration<ItemSidecar>
{
    public void Configure(EntityTypeBuilder<ItemSidecar> builder)
    {
        builder.ToTable("ItemSidecars");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.RelativePath).IsRequired().HasMaxLength(4096);
        builder.HasIndex(s => s.RelativePath);
        builder.HasIndex(s => s.ItemId);
    }
}
