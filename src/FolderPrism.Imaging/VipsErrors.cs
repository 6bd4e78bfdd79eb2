namespace FolderPrism.Imaging;

/// <summary>
/// Turns libvips's stacked error text into the one line a user can act on. libvips pushes an error for every layer a
/// failure passes through, and the first line is often the outermost wrapper ("unable to write to memory", "error in
/// tile 0 x 8") while the loader's own line ("VipsJpeg: Premature end of input file") comes later; the person reading
/// <c>Import/_failed/*.txt</c> or <c>Review/Damaged/</c> needs the loader's line.
/// </summary>
public static class VipsErrors
{
    /// <summary>The first line that is not a generic wrapper, or the first line when all of them are.</summary>
    public static string Reason(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
        {
            if (!IsWrapper(line))
            {
                return line;
            }
        }

        return lines.Length > 0 ? lines[0] : message.Trim();
    }

    private static bool IsWrapper(string line) =>
        line.StartsWith("unable to ", StringComparison.Ordinal)
        || line.Contains(": unable to write to", StringComparison.Ordinal)
        || line.Contains(": unable to call", StringComparison.Ordinal)
        || line.StartsWith("error in tile", StringComparison.Ordinal)
        || line.Contains("read gave", StringComparison.Ordinal);
}
