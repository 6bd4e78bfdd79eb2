using FolderPrism.Core.Media;

namespace FolderPrism.Imaging;

/// <summary>Decodes HEVC-coded HEIF (iPhone HEIC) to PNG with Debian's <c>heif-convert</c>, bounded by the decode time limit.</summary>
internal static class HeifConverter
{
    public static async Task ConvertAsync(ImagingOptions options, string heifPath, string pngPath, CancellationToken cancellationToken)
    {
        (int ExitCode, string Stdout, string Stderr) result;
        try
        {
            result = await ExternalTool.RunAsync(options.HeifConvertPath, [heifPath, pngPath], options.DecodeTimeout, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new MediaDecodeException($"HEIF decoding timed out: {e.Message}", e);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new MediaDecodeException($"{options.HeifConvertPath} is not installed (Debian package libheif-examples): {e.Message}", e);
        }

        if (result.ExitCode != 0 || !File.Exists(pngPath) || new FileInfo(pngPath).Length == 0)
        {
            throw new MediaDecodeException($"Cannot decode HEIF image: {VipsRuntime.FirstLine(result.Stderr + " " + result.Stdout)}");
        }
    }
}
