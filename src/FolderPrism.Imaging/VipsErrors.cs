namespace FolderPrism.Imaging;

/// <summary>
/// Turns libvips's stacked error text into the one line a user can act on. libvips pushes an error for every layer a
/// failure passes through, and the first line is often the outermost wrapper ("unable to write to memory", "error in
/// tile 0 x 8") while the loader's own line ("VipsJpeg: premature end of JPEG image") comes later; the person reading
/// <c>Import/_failed/*.txt</c> or <c>Review/Damaged/</c> needs the loader's line.
/// </summary>
public static class VipsErrors
{
    /// <summary>
    /// A loader's line (<c>Vips…:</c>) if there is one, else the first line that is not a generic wrapper, else the first
    /// line. A line whose domain is the file's own path loses that prefix: the user knows which file it is, and the path
    /// would push the reason out of a shortened report line.
    /// </summary>
    public static string Reason(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var reasons = lines.Where(l => !IsWrapper(l)).ToList();
        var chosen = reasons.FirstOrDefault(l => l.StartsWith("Vips", StringComparison.Ordinal))
            ?? reasons.FirstOrDefault() ?? lines.FirstOrDefault() ?? message.Trim();
        var pathEnd = chosen.StartsWith('/') ? chosen.IndexOf(": ", StringComparison.Ordinal) : -1;
        return pathEnd > 0 && pathEnd + 2 < chosen.Length ? chosen[(pathEnd + 2)..] : chosen;
    }

    private static bool IsWrapper(string line) =>
        line.StartsWith("unable to ", StringComparison.Ordinal)
        || line.Contains(": unable to write to", StringComparison.Ordinal)
        || line.Contains(": unable to call", StringComparison.Ordinal)
        || line.StartsWith("error in tile", StringComparison.Ordinal)
        || line.Contains("read gave", StringComparison.Ordinal);
}
