using System.Buffers;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// Puts one file's bytes at its destination without ever overwriting anything and without a half-written file under
/// its final name: copy to a temp file in the destination folder, fsync, re-read to verify the hash, then hard-link
/// into place (fails if the name exists) and drop the temp name. A move on the same file system is a link + unlink.
/// </summary>
internal static class FileTransfer
{
    private const int BufferSize = 1024 * 1024;

    /// <summary>Temp file name used for a journal entry's copy (hidden, so the watcher and WebDAV skip it).</summary>
    public static string TempPathFor(string destination, long journalId) =>
        Path.Combine(Path.GetDirectoryName(destination)!, $".fp-import-{journalId}.tmp");

    /// <summary>Copies and verifies; returns false when the destination name is already taken (nothing written).</summary>
    public static async Task<bool> CopyVerifiedAsync(
        string source, string temp, string destination, string expectedHash, CancellationToken cancellationToken)
    {
        try
        {
            await CopyToTempAsync(source, temp, cancellationToken);
            var written = await Metadata.ContentHasher.ComputeAsync(temp, cancellationToken);
            if (!string.Equals(written, expectedHash, StringComparison.Ordinal))
            {
                throw new IOException($"Verification failed: the copy of {source} hashes {written}, expected {expectedHash}.");
            }

            var linked = Place(temp, destination);
            return linked;
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>
    /// Same-file-system move: link then unlink. Returns <c>null</c> when source and destination are on different file
    /// systems (the caller copies instead), false when the destination name is taken.
    /// </summary>
    public static bool? TryMoveByLink(string source, string destination)
    {
        var error = NativeFileOps.Link(source, destination);
        if (error == NativeFileOps.EXDEV || error == 1 /* EPERM: fs without hard links */)
        {
            return null;
        }

        if (error == NativeFileOps.EEXIST)
        {
            return false;
        }

        if (error != 0)
        {
            throw new IOException($"Cannot link {source} to {destination}: errno {error}.");
        }

        NativeFileOps.SyncDirectory(Path.GetDirectoryName(destination)!);
        File.Delete(source);
        NativeFileOps.SyncDirectory(Path.GetDirectoryName(source)!);
        return true;
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // best effort: a leftover temp is cleaned by the next recovery
        }
        catch (UnauthorizedAccessException)
        {
            // same
        }
    }

    private static bool Place(string temp, string destination)
    {
        var error = NativeFileOps.Link(temp, destination);
        if (error == NativeFileOps.EEXIST)
        {
            return false;
        }

        if (error != 0)
        {
            // No hard links here (e.g. some FUSE/SMB mounts): File.Move without overwrite refuses an existing name.
            if (File.Exists(destination))
            {
                return false;
            }

            File.Move(temp, destination, overwrite: false);
        }

        NativeFileOps.SyncDirectory(Path.GetDirectoryName(destination)!);
        return true;
    }

    private static async Task CopyToTempAsync(string source, string temp, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            // Preallocated (fallocate): a full disk fails here, before anything is copied.
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1,
                Options = FileOptions.Asynchronous, PreallocationSize = input.Length,
            };
            await using (var output = new FileStream(temp, options))
            {
                int read;
                while ((read = await input.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                output.Flush(flushToDisk: true);
            }

            File.SetLastWriteTimeUtc(temp, File.GetLastWriteTimeUtc(source));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
