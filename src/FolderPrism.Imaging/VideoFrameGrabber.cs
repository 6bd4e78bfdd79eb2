using System.Globalization;
using FolderPrism.Core.Media;

namespace FolderPrism.Imaging;

/// <summary>
/// Grabs a video's poster frame with ffmpeg into a temporary PNG (ffmpeg applies the rotation side data), at
/// <see cref="ImagingOptions.PosterPosition"/> of the duration, or at 1 s (half the length at most) for short clips; the first frame if that fails.
/// </summary>
internal sealed class VideoFrameGrabber(ImagingOptions options)
{
    public async Task GrabAsync(string videoPath, string pngPath, CancellationToken cancellationToken)
    {
        var duration = await ProbeDurationAsync(videoPath, cancellationToken).ConfigureAwait(false);
        var position = duration switch
        {
            >= 10 => duration.Value * options.PosterPosition,
            > 0 => Math.Min(1.0, duration.Value / 2),
            _ => 0,
        };
        foreach (var at in position > 0 ? new[] { position, 0.0 } : [0.0])
        {
            string[] args =
            [
                "-nostdin", "-v", "error", "-y", "-ss", at.ToString("0.###", CultureInfo.InvariantCulture),
                "-i", videoPath, "-frames:v", "1", "-an", "-f", "image2", "-c:v", "png", pngPath,
            ];
            var (exit, _, stderr) = await RunAsync(options.FfmpegPath, args, cancellationToken).ConfigureAwait(false);
            if (exit == 0 && File.Exists(pngPath) && new FileInfo(pngPath).Length > 0)
            {
                return;
            }

            if (at == 0)
            {
                throw new MediaDecodeException($"ffmpeg could not extract a frame: {FirstLine(stderr)}");
            }
        }
    }

    private async Task<double?> ProbeDurationAsync(string videoPath, CancellationToken cancellationToken)
    {
        string[] args = ["-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", videoPath];
        var (exit, stdout, stderr) = await RunAsync(options.FfprobePath, args, cancellationToken).ConfigureAwait(false);
        if (exit != 0)
        {
            throw new MediaDecodeException($"ffprobe rejected the video: {FirstLine(stderr)}");
        }

        return double.TryParse(stdout.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : null;
    }

    private async Task<(int, string, string)> RunAsync(string tool, string[] args, CancellationToken cancellationToken)
    {
        try
        {
            return await ExternalTool.RunAsync(tool, args, options.DecodeTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new MediaDecodeException($"Video decoding timed out: {e.Message}", e);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new MediaDecodeException($"{tool} is not installed or not runnable: {e.Message}", e);
        }
    }

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var newline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? trimmed : trimmed[..newline];
    }
}
