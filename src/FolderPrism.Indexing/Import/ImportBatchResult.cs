namespace FolderPrism.Indexing.Import;

/// <summary>The report of one run. <see cref="StoppedReason"/> is set when it ended early (e.g. disk full).</summary>
public sealed record ImportBatchResult(Guid BatchId, IReadOnlyList<ImportReportEntry> Entries, string? StoppedReason, TimeSpan Elapsed)
{
    public int Count(ImportOutcome outcome) => Entries.Count(e => e.Kind == outcome);

    public long ImportedBytes => Entries.Where(e => e.Kind == ImportOutcome.Imported).Sum(e => e.Bytes);
}
