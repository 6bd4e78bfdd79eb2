using FolderPrism.Core.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FolderPrism.Data.Configurations;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.ToTable("Tags");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).IsRequired().HasMaxLength(512).UseCollation("NOCASE");
        builder.Property(t => t.FullPath).IsRequired().HasMaxLength(2048).UseCollation("NOCASE");
        builder.HasIndex(t => t.FullPath).IsUnique();
        builder.HasIndex(t => t.ParentId);
        builder.HasOne(t => t.Parent).WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Cascade);
    }
}
