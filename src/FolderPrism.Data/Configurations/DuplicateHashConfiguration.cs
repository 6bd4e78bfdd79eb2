using FolderPrism.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FolderPrism.Data.Configurations;

/// <summary>Written only by the <c>MediaItems</c> triggers (migration <c>DuplicateHashes</c>); read by the Duplicates view.</summary>
internal sealed class DuplicateHashConfiguration : IEntityTypeConfiguration<DuplicateHash>
{
    public void Configure(EntityTypeBuilder<DuplicateHash> builder)
    {
        builder.ToTable("DuplicateHashes");
        builder.HasKey(h => h.ContentHash);
        builder.Property(h => h.ContentHash).HasMaxLength(32);
    }
}
