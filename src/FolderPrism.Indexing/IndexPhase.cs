namespace FolderPrism.Indexing;

public enum IndexPhase
{
    Scanning = 0,
    Processing = 1,
    Done = 2,
}
