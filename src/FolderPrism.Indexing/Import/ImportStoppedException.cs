namespace FolderPrism.Indexing.Import;

/// <summary>The run stopped before the end (disk full, destination unwritable); every file done so far is whole.</summary>
public sealed class ImportStoppedException(string message, Exception? inner = null) : IOException(message, inner);
