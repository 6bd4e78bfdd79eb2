using System.IO.Hashing;
using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Tests.Pipeline;

/// <summary>
/// TEST-ONLY stand-in for the real analyzer (until it is merged): hashes with XxHash128 and reads size/mtime like the
/// real one; "metadata" comes from plain-text lines in the file (<c>KW:a,b</c>, <c>FACE:Alice</c>) and the title from
/// a <c>name.ext.xmp</c> sidecar's text. Content containing <c>POISON</c> makes it throw, to exercise quarantine.
/// </summary>
internal sealed class TestOnlyMediaAnalyzer : IMediaAnalyzer
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Thread name and Linux nice value seen by the last analysis (to check workers run at low priority).</summary>
    public (string? ThreadName, int? Nice) LastThread { get; private set; }

    public async Task<MediaAnalysis> AnalyzeAsync(string path, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        LastThread = (Thread.CurrentThread.Name, ReadNice());
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var info = new FileInfo(path);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        if (text.Contains("POISON", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("test analyzer: poisoned file");
        }

        var lines = text.Split('\n', StringSplitOptions.TrimEntries);
        var allKeywords = lines.Where(l => l.StartsWith("KW:", StringComparison.Ordinal))
            .SelectMany(l => l[3..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        var keywords = allKeywords.Where(k => !k.Contains('|')).ToList();
        var hierarchical = allKeywords.Where(k => k.Contains('|')).ToList();
        var faces = lines.Where(l => l.StartsWith("FACE:", StringComparison.Ordinal))
            .Select(l => new FaceRegion(l[5..], 0.1, 0.1, 0.2, 0.2, "mwg")).ToList();
        var sidecar = path + ".xmp";
        var sidecars = File.Exists(sidecar) ? new[] { sidecar } : [];
        var title = sidecars.Length > 0 ? (await File.ReadAllTextAsync(sidecar, cancellationToken)).Trim() : null;
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var (mime, kind) = ext switch
        {
            ".jpg" or ".jpeg" => ("image/jpeg", MediaKind.Image),
            ".png" => ("image/png", MediaKind.Image),
            ".mp4" => ("video/mp4", MediaKind.Video),
            _ => ("application/octet-stream", MediaKind.Unknown),
        };
        return new MediaAnalysis
        {
            ContentHash = Convert.ToHexStringLower(XxHash128.Hash(bytes)),
            Size = info.Length,
            ModifiedUtc = info.LastWriteTimeUtc,
            MimeType = mime,
            Kind = kind,
            TakenAt = new CaptureDate(info.LastWriteTime, null, DateSource.FileTime, DateConfidence.Low),
            Title = title,
            Keywords = keywords,
            HierarchicalKeywords = hierarchical,
            Faces = faces,
            Sidecars = sidecars,
        };
    }

    private static int? ReadNice()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture); // field 19: nice
    }
}
