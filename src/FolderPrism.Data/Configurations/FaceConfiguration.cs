using FolderPrism.Core.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FolderPrism.Data.Configurations;

internal sealed class FaceConfiguration : IEntityTypeConfiguration<Face>
{
    public void Configure(EntityTypeBuilder<Face> builder)
    {
        builder.ToTable("Faces");
        builder.HasKey(f => f.Id);
        builder.HasIndex(f => f.ItemId);
        builder.HasIndex(f => new { f.PersonId, f.ItemId }); // covering: a person's photos without touching the table
        builder.HasIndex(f => f.ClusterId);
        builder.Property(f => f.Origin).HasMaxLength(64);
        builder.Property(f => f.Landmarks).HasMaxLength(512);
        builder.Property(f => f.Rejections).HasMaxLength(1024);
        builder.Property(f => f.SidecarName).HasMaxLength(512);
        builder.HasOne(f => f.Person).WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.SetNull);
    }
}
