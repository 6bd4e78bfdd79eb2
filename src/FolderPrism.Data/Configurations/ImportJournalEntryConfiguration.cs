using FolderPrism.Core.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FolderPrism.Data.Configurations;

internal sealed class ImportJournalEntryConfiguration : IEntityTypeConfiguration<ImportJournalEntry>
{
    public void Configure(EntityTypeBuilder<ImportJournalEntry> builder)
    {
        builder.ToTable("ImportJournal");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.SourcePath).HasMaxLength(4096);
        builder.Property(e => e.DestinationPath).HasMaxLength(4096);
        builder.Property(e => e.TempPath).HasMaxLength(4096);
        builder.Property(e => e.ContentHash).HasMaxLength(64);
        builder.HasIndex(e => e.DestinationPath);
    }
}
