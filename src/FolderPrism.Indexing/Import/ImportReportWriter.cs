using System.Text;
using System.Text.Json;

namespace FolderPrism.Indexing.Import;

/// <summary>Writes a run's report as JSON Lines, atomically (temp file in the same folder, fsync, rename).</summary>
public static class ImportReportWriter
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never };

    public static async Task WriteAsync(string path, IEnumerable<ImportReportEntry> entries, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            await using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            {
                foreach (var entry in entries)
                {
                    await writer.WriteLineAsync(JsonSerializer.Serialize(entry, Json).AsMemory(), cancellationToken);
                }

                await writer.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public static IReadOnlyList<ImportReportEntry> Read(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<ImportReportEntry>(l, Json)!).ToList();
}
