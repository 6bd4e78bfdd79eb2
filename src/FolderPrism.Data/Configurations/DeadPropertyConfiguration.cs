using FolderPrism.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FolderPrism.Data.Configurations;

internal sealed class DeadPropertyConfiguration : IEntityTypeConfiguration<DeadProperty>
{
    public void Configure(EntityTypeBuilder<DeadProperty> builder)
    {
        builder.ToTable("DeadProperties");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Path).IsRequired();
        builder.Property(p => p.Parent).IsRequired();
        builder.Property(p => p.Namespace).IsRequired();
        builder.Property(p => p.Name).IsRequired();
        builder.Property(p => p.Value).IsRequired();
        builder.HasIndex(p => new { p.Path, p.Namespace, p.Name }).IsUnique();
        builder.HasIndex(p => p.Parent);
    }
}
