using FolderPrism.Core.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FolderPrism.Data.Configurations;

internal sealed class IndexJobConfiguration : IEntityTypeConfiguration<IndexJob>
{
    public void Configure(EntityTypeBuilder<IndexJob> builder)
    {
        builder.ToTable("IndexJobs");
        builder.HasKey(j => j.Id);
        builder.HasIndex(j => new { j.ItemId, j.Kind }).IsUnique();
        builder.HasIndex(j => new { j.State, j.NotBefore });
        builder.Property(j => j.LastError).HasMaxLength(4000);
        builder.Property(j => j.NotBefore).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(j => j.StartedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.HasOne<MediaItem>().WithMany().HasForeignKey(j => j.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
