namespace FolderPrism.WebDav.Handlers;

/// <summary>An inclusive, already satisfiable byte range.</summary>
internal readonly record struct ByteRange(long From, long To)
{
    public long Length => To - From + 1;
}
