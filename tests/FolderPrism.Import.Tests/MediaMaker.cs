using System.Diagnostics;
using System.Globalization;

namespace FolderPrism.Import.Tests;

/// <summary>Makes real media with ImageMagick, exiftool, ffmpeg and heif-enc for the messy source trees.</summary>
internal static class MediaMaker
{
    /// <summary>A deterministic scene (seeded plasma) as JPEG/PNG/TIFF depending on the extension.</summary>
    public static string Image(string path, int width, int height, int seed, params string[] extra)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var args = new List<string> { "-seed", seed.ToString(CultureInfo.InvariantCulture), "-size", $"{width}x{height}", "plasma:", "-blur", "0x2" };
        args.AddRange(extra);
        args.Add(path);
        Run("convert", [.. args]);
        return path;
    }

    /// <summary>A camera JPEG: EXIF DateTimeOriginal with offset, make and model.</summary>
    public static string CameraJpeg(string path, int seed, string taken, string offset = "+02:00", int width = 400, int height = 300)
    {
        Image(path, width, height, seed);
        Exif(path, $"-DateTimeOriginal={taken}", $"-OffsetTimeOriginal={offset}", "-Make=Canon", "-Model=Canon EOS 80D");
        return path;
    }

    public static void Exif(string path, params string[] assignments) =>
        Run("exiftool", [.. assignments, "-overwrite_original", "-q", "-m", path]);

    public static string Video(string path, string creationTimeUtc)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Run("ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-t", "1",
            "-pix_fmt", "yuv420p", "-metadata", $"creation_time={creationTimeUtc}", path);
        return path;
    }

    public static string Heic(string path, int seed)
    {
        var png = Path.ChangeExtension(path, ".src.png");
        Image(png, 320, 240, seed);
        Run("heif-enc", "-q", "60", "-o", path, png);
        File.Delete(png);
        return path;
    }

    public static string Takeout(string jsonPath, DateTimeOffset taken, string? album = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(jsonPath)!);
        var seconds = taken.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(jsonPath, $$"""
            { "title": "{{Path.GetFileNameWithoutExtension(jsonPath)}}", "description": "",
              "photoTakenTime": { "timestamp": "{{seconds}}", "formatted": "" },
              "creationTime": { "timestamp": "{{seconds}}", "formatted": "" },
              "geoData": { "latitude": 48.8584, "longitude": 2.2945, "altitude": 30.0 } }
            """);
        return jsonPath;
    }

    /// <summary>A TIFF-structured RAW stand-in (EXIF in IFD0) with a larger JPEG preview appended, as the index tests do.</summary>
    public static string Raw(string path, int seed, string taken)
    {
        var tiff = Image(path + ".base.tif", 160, 120, seed);
        Exif(tiff, "-Make=Nikon", "-Model=D750", $"-DateTimeOriginal={taken}", "-DNGVersion=1.4.0.0");
        var preview = Image(path + ".preview.jpg", 600, 400, seed);
        File.WriteAllBytes(path, [.. File.ReadAllBytes(tiff), .. File.ReadAllBytes(preview)]);
        File.Delete(tiff);
        File.Delete(preview);
        return path;
    }

    public static void SetMtime(string path, DateTime utc) => File.SetLastWriteTimeUtc(path, utc);

    public static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr}");
        }

        return stdout.Result;
    }
}
