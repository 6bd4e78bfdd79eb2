using FolderPrism.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FolderPrism.Data.Configurations;

/// <summary>Written only by the <c>ItemTags</c>/<c>MediaItems</c> triggers (migration <c>TagDates</c>); read by searches.</summary>
internal sealed class TagDateConfiguration : IEntityTypeConfiguration<TagDate>
{
    public void Configure(EntityTypeBuilder<TagDate> builder)
    {
        builder.ToTable("TagDates");
        builder.HasKey(d => new { d.TagId, d.TakenLocal, d.ItemId });
        builder.HasIndex(d => new { d.ItemId, d.TagId }); // the triggers' deletes, by link or by item
    }
}
