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
        builder.Property(f => f.Origin).HasMaxLength(64);
        builder.HasOne(f => f.Person).WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.SetNull);
    }
}
