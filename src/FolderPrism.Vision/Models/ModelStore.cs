using System.Security.Cryptography;
using System.Text.Json;

namespace FolderPrism.Vision.Models;

/// <summary>
/// The installed ONNX models under <c>&lt;data&gt;/models</c> with their manifest. The daemon only reads from it;
/// files get here exclusively through <c>folderprism models install</c>, never by the daemon downloading anything.
/// Without a complete, checksum-valid set, vision is reported off and everything else keeps working.
/// </summary>
public sealed class ModelStore
{
    public const string ManifestFileName = "models.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <param name="directory">The models folder.</param>
    /// <param name="embedder">The configured <c>Vision:Embedder</c>, which decides the models vision needs.</param>
    public ModelStore(string directory, string? embedder = null)
    {
        Directory = Path.GetFullPath(directory);
        Embedder = embedder;
    }

    public string Directory { get; }

    /// <summary>The configured embedder (null = the default, faceres).</summary>
    public string? Embedder { get; }

    public string ManifestPath => Path.Combine(Directory, ManifestFileName);

    /// <summary>The store inside a data directory (<c>&lt;data&gt;/models</c>).</summary>
    public static ModelStore ForDataDirectory(string dataDirectory, string? embedder = null) => new(Path.Combine(dataDirectory, "models"), embedder);

    public ModelManifest? ReadManifest()
    {
        if (!File.Exists(ManifestPath))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ModelManifest>(File.ReadAllBytes(ManifestPath), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void WriteManifest(ModelManifest manifest) => AtomicFile.Write(ManifestPath, JsonSerializer.SerializeToUtf8Bytes(manifest, Json));

    /// <summary>Path of an installed model whose file exists with the recorded size; null when not installed.</summary>
    public string? TryGetModelPath(string id)
    {
        var entry = ReadManifest()?.Models.FirstOrDefault(m => m.Id == id);
        if (entry is null)
        {
            return null;
        }

        var path = Path.Combine(Directory, entry.File);
        return File.Exists(path) && new FileInfo(path).Length == entry.Size ? path : null;
    }

    /// <summary>Checks every manifest entry's SHA-256; returns the ids that are missing or corrupt.</summary>
    public IReadOnlyList<string> Verify(IEnumerable<string> requiredIds)
    {
        var manifest = ReadManifest();
        var bad = new List<string>();
        foreach (var id in requiredIds)
        {
            var entry = manifest?.Models.FirstOrDefault(m => m.Id == id);
            var path = entry is null ? null : Path.Combine(Directory, entry.File);
            if (entry is null || path is null || !File.Exists(path) || !string.Equals(Sha256Of(path), entry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                bad.Add(id);
            }
        }

        return bad;
    }

    /// <summary>A one-line status for <c>folderprism status</c>.</summary>
    public string Describe()
    {
        if (VisionModelCatalog.RequiredFor(Embedder) is not { } required)
        {
            return $"vision off: unknown Vision:Embedder '{Embedder}' (use {Faces.FaceEmbedderNames.FaceRes} or {Faces.FaceEmbedderNames.FaceRecognition})";
        }

        var missing = required.Where(m => TryGetModelPath(m.Id) is null).ToList();
        if (missing.Count == 0)
        {
            return $"vision on: {required.Count} models in {Directory}";
        }

        var hint = missing.Any(m => m.Optional)
            ? $"; Vision:Embedder = {Embedder} needs {string.Join(", ", missing.Where(m => m.Optional).Select(m => $"{m.Package}@{m.Version}").Distinct())} in `folderprism models install` (or choose {Faces.FaceEmbedderNames.FaceRes})"
            : string.Empty;
        return $"vision off: models not installed ({string.Join(", ", missing.Select(m => m.Id))}); run `folderprism models install`{hint}";
    }

    public static string Sha256Of(string path)
    {
        using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }
}
