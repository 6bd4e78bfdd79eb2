namespace FolderPrism.Core.Library;

/// <summary>
/// One file operation of an import that is in flight: written (committed) before the file is touched and deleted once
/// the file is in <c>Originals/</c>, its source is dealt with and the index knows it. Rows left behind by a crash are
/// replayed or rolled back at the next start so every input ends up exactly once.
/// </summary>
public sealed class ImportJournalEntry
{
    public long Id { get; set; }

    public Guid BatchId { get; set; }

    /// <summary>Absolute path of the input file.</summary>
    public required string SourcePath { get; set; }

    /// <summary>Destination relative to <c>Originals/</c> ('/' separators).</summary>
    public required string DestinationPath { get; set; }

    /// <summary>The temp file the copy is written to before it is linked into place (null for a same-FS move).</summary>
    public string? TempPath { get; set; }

    /// <summary>True when the source is to be removed once the destination is verified.</summary>
    public bool Move { get; set; }

    /// <summary>XxHash128 of the source bytes: what the destination must hash to.</summary>
    public required string ContentHash { get; set; }

    public long Size { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
