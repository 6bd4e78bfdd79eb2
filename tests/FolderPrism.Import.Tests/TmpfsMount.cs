namespace FolderPrism.Import.Tests;

/// <summary>A real tmpfs of a given size mounted on a folder (the tests run as root), unmounted on dispose.</summary>
internal sealed class TmpfsMount : IDisposable
{
    private readonly string path;

    private TmpfsMount(string path) => this.path = path;

    public static TmpfsMount Create(string path, long bytes)
    {
        Directory.CreateDirectory(path);
        MediaMaker.Run("mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", path);
        return new TmpfsMount(path);
    }

    /// <summary>Grows (or shrinks) the file system in place, keeping its files: "the user freed some space".</summary>
    public void Resize(long bytes) => MediaMaker.Run("mount", "-o", $"remount,size={bytes}", path);

    public void Dispose() => MediaMaker.Run("umount", "--lazy", path);
}
