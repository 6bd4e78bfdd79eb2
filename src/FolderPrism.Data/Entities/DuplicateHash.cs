namespace FolderPrism.Data.Entities;

/// <summary>
/// A content hash that two or more <c>MediaItems</c> rows share: the candidate exact-duplicate groups. Maintained by
/// SQLite triggers on <c>MediaItems</c> (insert, delete, update of <c>ContentHash</c>) in the same transaction as the
/// change, whichever code path (indexer, import, trash, purge, CLI) makes it, so the Duplicates view reads a few
/// hundred rows instead of grouping the whole ContentHash index on every cold request. Rows of any state count (a
/// trashed or missing copy keeps its hash here); the view checks visibility on the few matching items.
/// </summary>
public sealed class DuplicateHash
{
    public required string ContentHash { get; set; }
}
