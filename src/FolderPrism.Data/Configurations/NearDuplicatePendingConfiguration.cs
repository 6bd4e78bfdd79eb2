using FolderPrism.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FolderPrism.Data.Configurations;

/// <summary>Queued by the <c>MediaItems</c> triggers (migration <c>NearDuplicates</c>); drained by the near-duplicate linker.</summary>
internal sealed class NearDuplicatePendingConfiguration : IEntityTypeConfiguration<NearDuplicatePending>
{
    public void Configure(EntityTypeBuilder<NearDuplicatePending> builder)
    {
        builder.ToTable("NearDuplicatePending");
        builder.HasKey(p => p.ItemId);
    }
}
