using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Tests.Pipeline;

/// <summary>
/// TEST-ONLY stand-in for the real thumbnailer: writes small placeholder files keyed by content hash (atomically) and
/// derives a 64-bit value from the hash. Content containing <c>CORRUPT</c> fails like an undecodable image.
/// </summary>
internal sealed class TestOnlyMediaProcessor(string thumbnailsRoot) : IMediaProcessor
{
    public async Task<MediaDerivatives> ProcessAsync(string path, string contentHash, MediaKind kind, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        if (text.Contains("CORRUPT", StringComparison.Ordinal))
        {
            throw new MediaDecodeException("test processor: truncated image data");
        }

        foreach (var size in new[] { ThumbnailSize.Small, ThumbnailSize.Preview })
        {
            var target = ThumbnailPath(contentHash, size);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temp = target + ".tmp";
            await File.WriteAllTextAsync(temp, contentHash, cancellationToken);
            File.Move(temp, target, overwrite: true);
        }

        return new MediaDerivatives(ThumbnailPath(contentHash, ThumbnailSize.Small), ThumbnailPath(contentHash, ThumbnailSize.Preview),
            Convert.ToUInt64(contentHash[..16], 16));
    }

    public string ThumbnailPath(string contentHash, ThumbnailSize size) =>
        Path.Combine(thumbnailsRoot, contentHash[..2], $"{contentHash}-{(int)size}.txt");
}
