using System.Diagnostics;
using FolderPrism.Core.Configuration;
using FolderPrism.Imaging;
using FolderPrism.Indexing.Metadata;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FolderPrism.Indexing.Tests.Media;

/// <summary>A temp folder plus helpers that make real media with ImageMagick, exiftool, ffmpeg and heif-enc.</summary>
public sealed class MediaWorkspace : IDisposable
{
    public MediaWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "fp-media-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>Deterministic scene: seeded plasma (ImageMagick plasma uses -seed when given before it).</summary>
    public string Scene(string relative, int width, int height, int seed, params string[] extra)
    {
        var path = PathOf(relative);
        var args = new List<string> { "-seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "-size", $"{width}x{height}", "plasma:", "-blur", "0x3" };
        args.AddRange(extra);
        args.Add(path);
        Run("convert", [.. args]);
        return path;
    }

    public void Exif(string path, params string[] assignments) =>
        Run("exiftool", [.. assignments, "-overwrite_original", "-q", "-m", path]);

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

    public MediaAnalyzer Analyzer(string? timeZone = null) =>
        new(Options.Create(new MediaAnalysisOptions { TimeZone = timeZone }), TimeProvider.System, NullLogger<MediaAnalyzer>.Instance);

    public VipsMediaProcessor Processor(ImagingOptions? options = null) =>
        new(Options.Create(options ?? new ImagingOptions()), Options.Create(new DataOptions { Path = Path.Combine(Root, "data") }));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
