using FolderPrism.Core.Configuration;
using FolderPrism.Core.Media;
using Microsoft.Extensions.Options;
using NetVips;

namespace FolderPrism.Imaging;

/// <summary>
/// NetVips implementation of <see cref="IMediaProcessor"/>. Each file is decoded once with shrink-on-load straight to
/// preview size (EXIF orientation applied, colour-managed to sRGB when the file is not sRGB already), held in memory, and the small thumbnail and the
/// perceptual hash are derived from that copy, so a 12-MP JPEG costs one reduced decode. Header dimensions are
/// checked before any pixel is decoded, decoding fails on truncation and is killed at the time limit.
/// </summary>
public sealed class VipsMediaProcessor : IMediaProcessor, IDisposable
{
    private readonly ImagingOptions options;
    private readonly string thumbnailsRoot;
    private readonly SemaphoreSlim decodeSlots;
    private readonly VideoFrameGrabber frameGrabber;
    private readonly ThumbnailWriter writer;

    public VipsMediaProcessor(IOptions<ImagingOptions> options, IOptions<DataOptions> dataOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dataOptions);
        this.options = options.Value;
        thumbnailsRoot = dataOptions.Value.ThumbnailsPath;
        decodeSlots = new SemaphoreSlim(Math.Max(1, this.options.MaxConcurrentDecodes));
        frameGrabber = new VideoFrameGrabber(this.options);
        writer = new ThumbnailWriter(this.options);
        VipsRuntime.Configure(this.options);
    }

    public string ThumbnailPath(string contentHash, ThumbnailSize size)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentHash);
        if (contentHash.Length < 4 || contentHash.Any(c => !char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)))
        {
            throw new ArgumentException("Content hash must be lowercase hex.", nameof(contentHash));
        }

        var pixels = size == ThumbnailSize.Small ? options.SmallSize : options.PreviewSize;
        var extension = options.Format == ThumbnailFormat.WebP ? "webp" : "jpg";
        return Path.Combine(thumbnailsRoot, contentHash[..2], $"{contentHash}-{pixels}.{extension}");
    }

    public async Task<MediaDerivatives> ProcessAsync(string path, string contentHash, MediaKind kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var smallPath = ThumbnailPath(contentHash, ThumbnailSize.Small);
        var previewPath = ThumbnailPath(contentHash, ThumbnailSize.Preview);

        await decodeSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        string? framePath = null;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new MediaDecodeException($"File not found: {path}");
            }

            if (info.Length == 0)
            {
                throw new MediaDecodeException("Empty file (0 bytes).");
            }

            var source = path;
            var alreadyUpright = false;
            byte[]? buffer = null;
            if (kind == MediaKind.Video)
            {
                framePath = TempSibling(previewPath, contentHash, "frame.png");
                await frameGrabber.GrabAsync(path, framePath, cancellationToken).ConfigureAwait(false);
                source = framePath;
            }
            else if (IsHevcHeif(path))
            {
                // NetVips.Native ships libheif without an HEVC decoder; Debian's heif-convert (libde265) decodes it.
                // libheif applies the HEIF transforms (irot/imir), so the EXIF orientation must not be applied again.
                _ = CheckPixelLimit(path, null);
                framePath = TempSibling(previewPath, contentHash, "heif.png");
                await HeifConverter.ConvertAsync(options, path, framePath, cancellationToken).ConfigureAwait(false);
                source = framePath;
                alreadyUpright = true;
            }
            else if (MediaTypes.IsRaw(path))
            {
                buffer = await ReadRawPreviewAsync(path, info.Length, cancellationToken).ConfigureAwait(false);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.DecodeTimeout);
            var hash = await Task.Run(
                () => DecodeAndWrite(source, buffer, alreadyUpright, smallPath, previewPath, timeout.Token),
                CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return new MediaDerivatives(smallPath, previewPath, hash);
        }
        finally
        {
            decodeSlots.Release();
            VipsRuntime.ReleaseFreedMemory();
            if (framePath is not null)
            {
                TryDelete(framePath);
            }
        }
    }

    public void Dispose() => decodeSlots.Dispose();

    private ulong DecodeAndWrite(string source, byte[]? buffer, bool noRotate, string smallPath, string previewPath, CancellationToken token)
    {
        try
        {
            var profile = CheckPixelLimit(source, buffer) ? "srgb" : null;
            using var shrunk = buffer is null
                ? Image.Thumbnail(source, options.PreviewSize, height: options.PreviewSize, size: Enums.Size.Down, noRotate: noRotate,
                    outputProfile: profile, failOn: Enums.FailOn.Truncated)
                : Image.ThumbnailBuffer(buffer, options.PreviewSize, height: options.PreviewSize, size: Enums.Size.Down,
                    outputProfile: profile, failOn: Enums.FailOn.Truncated);
            using var normalised = VipsRuntime.ToDisplayable(shrunk, options.Format);
            normalised.SetProgress(NoProgress.Instance, token);

            // One evaluation of the decode pipeline; everything else reads this in-memory copy.
            using var preview = normalised.CopyMemory();
            token.ThrowIfCancellationRequested();
            using var small = preview.ThumbnailImage(options.SmallSize, height: options.SmallSize, size: Enums.Size.Down);

            writer.Write(preview, previewPath, options.PreviewQuality);
            writer.Write(small, smallPath, options.SmallQuality);
            return VipsRuntime.PerceptualHashOf(preview);
        }
        catch (VipsException e) when (token.IsCancellationRequested)
        {
            throw new MediaDecodeException($"Decoding took longer than {options.DecodeTimeout.TotalSeconds:0} s.", e);
        }
        catch (VipsException e)
        {
            throw new MediaDecodeException($"Cannot decode image: {VipsErrors.Reason(e.Message)}", e);
        }
        catch (OperationCanceledException e)
        {
            throw new MediaDecodeException($"Decoding took longer than {options.DecodeTimeout.TotalSeconds:0} s.", e);
        }
    }

    /// <summary>Rejects images above the pixel limit; returns whether the decode needs an ICC transform to sRGB.</summary>
    private bool CheckPixelLimit(string source, byte[]? buffer)
    {
        // Opening only parses the header; pixels are decoded later, on demand.
        using var header = buffer is null
            ? Image.NewFromFile(source, failOn: Enums.FailOn.Truncated)
            : Image.NewFromBuffer(buffer, failOn: Enums.FailOn.Truncated);
        var pixels = (long)header.Width * header.Height;
        if (pixels > options.MaxPixels)
        {
            throw new MediaDecodeException(
                $"Image is {header.Width}×{header.Height} ({pixels:N0} pixels), above the limit of {options.MaxPixels:N0}.");
        }

        return ColourProfile.NeedsTransform(header);
    }

    private async Task<byte[]> ReadRawPreviewAsync(string path, long length, CancellationToken cancellationToken)
    {
        if (length > options.MaxRawBytes)
        {
            throw new MediaDecodeException($"RAW file is larger than {options.MaxRawBytes:N0} bytes.");
        }

        var data = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var jpeg = EmbeddedJpegFinder.FindLargest(data)
            ?? throw new MediaDecodeException("RAW file has no embedded JPEG preview.");
        return data.AsSpan(jpeg.Offset, jpeg.Length).ToArray();
    }

    private static bool IsHevcHeif(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".heic" or ".heif" or ".hif";

    private static string TempSibling(string thumbnailPath, string contentHash, string suffix)
    {
        var folder = Path.GetDirectoryName(thumbnailPath)!;
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $".{contentHash}.{Guid.NewGuid():N}.{suffix}");
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temp frame is harmless; it is named so it never collides.
        }
    }
}
