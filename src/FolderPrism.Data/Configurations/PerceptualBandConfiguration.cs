using FolderPrism.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FolderPrism.Data.Configurations;

/// <summary>
/// Written only by the <c>MediaItems</c> triggers (migration <c>NearDuplicates</c>). The (Band, Value, Hash, ItemId)
/// index covers the candidate seek, so matching reads no table row per candidate.
/// </summary>
internal sealed class PerceptualBandConfiguration : IEntityTypeConfiguration<PerceptualBand>
{
    public void Configure(EntityTypeBuilder<PerceptualBand> builder)
    {
        builder.ToTable("PerceptualBands");
        builder.HasKey(b => new { b.ItemId, b.Band });
        builder.HasIndex(b => new { b.Band, b.Value, b.Hash, b.ItemId });
    }
}
