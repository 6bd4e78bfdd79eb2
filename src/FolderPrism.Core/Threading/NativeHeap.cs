using System.Runtime.InteropServices;

namespace FolderPrism.Core.Threading;

/// <summary>
/// Hands memory that native libraries (libvips, ONNX Runtime) freed back to the OS. glibc keeps freed blocks in its
/// arenas, so after a large decode or a model run the RSS would otherwise stay at the high-water mark of the largest
/// image or activation seen. Shared by the thumbnailer and the vision worker. A no-op off glibc.
/// </summary>
public static class NativeHeap
{
    /// <summary>Calls <c>malloc_trim(0)</c>; cheap (a few hundred microseconds) next to decoding or inference.</summary>
    public static void ReleaseFreedMemory()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = malloc_trim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // not glibc
        }
    }

    [DllImport("libc.so.6")]
    private static extern int malloc_trim(nuint pad);
}
