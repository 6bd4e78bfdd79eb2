using System.Buffers;
using System.IO.Hashing;

namespace FolderPrism.Indexing.Metadata;

/// <summary>
/// XxHash128 of a file's bytes as 32 lowercase hex characters: the item's identity across renames, the key of its
/// thumbnails, the exact-duplicate test in import, and the strong WebDAV ETag. Streams with a pooled 1 MiB buffer.
/// </summary>
public static class ContentHasher
{
    private const int BufferSize = 1024 * 1024;

    /// <summary>
    /// Hashes a file with plain synchronous reads: callers are index workers on their own threads, and for files in
    /// the page cache the asynchronous path costs ten times the CPU of hashing itself (≈ 18 vs 2 ms for 3 MB).
    /// </summary>
    public static Task<string> ComputeAsync(string path, CancellationToken cancellationToken)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
            FileOptions.SequentialScan);
        var hasher = new XxHash128();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long offset = 0;
            int read;
            while ((read = RandomAccess.Read(handle, buffer.AsSpan(0, BufferSize), offset)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                hasher.Append(buffer.AsSpan(0, read));
                offset += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Task.FromResult(Convert.ToHexStringLower(hasher.GetCurrentHash()));
    }

    public static async Task<string> ComputeAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var hasher = new XxHash128();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                hasher.Append(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(hasher.GetCurrentHash());
    }

    /// <summary>Hash of an in-memory buffer (same value as hashing a file with these bytes).</summary>
    public static string Compute(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(XxHash128.Hash(data));
}
