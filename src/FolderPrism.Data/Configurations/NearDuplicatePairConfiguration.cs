using FolderPrism.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FolderPrism.Data.Configurations;

/// <summary>Pairs are written by the near-duplicate linker and dropped by the <c>MediaItems</c> triggers (migration <c>NearDuplicates</c>).</summary>
internal sealed class NearDuplicatePairConfiguration : IEntityTypeConfiguration<NearDuplicatePair>
{
    public void Configure(EntityTypeBuilder<NearDuplicatePair> builder)
    {
        builder.ToTable("NearDuplicatePairs");
        builder.HasKey(p => new { p.ItemId, p.OtherId });
        builder.HasIndex(p => p.OtherId);
    }
}
