using FolderPrism.Core.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FolderPrism.Data.Configurations;

internal sealed class AlbumItemConfiguration : IEntityTypeConfiguration<AlbumItem>
{
    public void Configure(EntityTypeBuilder<AlbumItem> builder)
    {
        builder.ToTable("AlbumItems");
        builder.HasKey(a => new { a.AlbumId, a.ItemId });
        builder.HasIndex(a => a.ItemId);
        builder.HasOne(a => a.Album).WithMany().HasForeignKey(a => a.AlbumId).OnDelete(DeleteBehavior.Cascade);
    }
}
