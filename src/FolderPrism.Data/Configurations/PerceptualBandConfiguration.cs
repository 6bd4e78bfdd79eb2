using FolderPrism.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FolderPrism.Data.Configurations;

/// <summary>
/// Written only by the <c>MediaItems</c> triggers (migration <c>NearDuplicates</c>). One index per band: the linker's
/// <c>B0 = x OR B1 = y …</c> runs as 7 seeks (SQLite's OR-by-union plan).
/// </summary>
internal sealed class PerceptualBandConfiguration : IEntityTypeConfiguration<PerceptualBand>
{
    public void Configure(EntityTypeBuilder<PerceptualBand> builder)
    {
        builder.ToTable("PerceptualBands");
        builder.HasKey(b => b.ItemId);
        builder.HasIndex(b => b.B0);
        builder.HasIndex(b => b.B1);
        builder.HasIndex(b => b.B2);
        builder.HasIndex(b => b.B3);
        builder.HasIndex(b => b.B4);
        builder.HasIndex(b => b.B5);
        builder.HasIndex(b => b.B6);
    }
}
