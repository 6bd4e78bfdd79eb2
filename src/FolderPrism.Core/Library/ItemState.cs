namespace FolderPrism.Core.Library;

/// <summary>Whether an item's file is on disk. Missing items keep their row (and Id, tags, people, albums) for a while
/// so a file that comes back — moved out and back, or deleted and re-created elsewhere with the same bytes — keeps its identity.</summary>
public enum ItemState
{
    Present = 0,
    Missing = 1,
}
