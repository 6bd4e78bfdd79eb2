namespace FolderPrism.Indexing.Import;

/// <summary>What happened to one input file (report names: imported, duplicate, rejected, failed).</summary>
public enum ImportOutcome
{
    Imported,
    Duplicate,
    Rejected,
    Failed,
}
