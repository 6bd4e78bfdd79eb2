using FolderPrism.Core.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FolderPrism.Data.Configurations;

internal sealed class IndexMarkerConfiguration : IEntityTypeConfiguration<IndexMarker>
{
    public void Configure(EntityTypeBuilder<IndexMarker> builder)
    {
        builder.ToTable("IndexMarkers");
        builder.HasKey(m => m.Name);
        builder.Property(m => m.Name).HasMaxLength(128);
    }
}
