using System.Globalization;
using System.Text.Json;
using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Metadata;

/// <summary>
/// Finds and reads the Google Takeout JSON sidecar of a media file (every naming variant, see
/// <see cref="TakeoutSidecarNames"/>) and the album title from the folder's <c>metadata.json</c>.
/// </summary>
public static class TakeoutMetadataReader
{
    private const long MaxJsonBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The sidecar path for <paramref name="mediaPath"/>, or null. Probes each candidate name (a stat each) rather
    /// than listing the folder, so folders of thousands of photos stay linear to index.
    /// </summary>
    public static string? FindSidecar(string mediaPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(mediaPath))!;
        foreach (var candidate in TakeoutSidecarNames.Candidates(mediaPath))
        {
            var path = Path.Combine(folder, candidate);
            if (!candidate.Equals("metadata.json", StringComparison.OrdinalIgnoreCase) && File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>Reads a sidecar; returns null when it is not Takeout JSON. Throws <see cref="JsonException"/> if malformed.</summary>
    public static ExtractedMetadata? Read(string jsonPath)
    {
        if (new FileInfo(jsonPath).Length > MaxJsonBytes)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var result = new ExtractedMetadata();
        var taken = Timestamp(root, "photoTakenTime") ?? Timestamp(root, "creationTime");
        if (taken is not null)
        {
            result.Dates = new DateEvidence { TakeoutUtc = taken };
        }

        // Google Photos' only rating is the favourite (the heart); it becomes five stars, so Favorites/ lists it and
        // tools that read xmp:Rating agree.
        if (root.TryGetProperty("favorited", out var favorited) && favorited.ValueKind == JsonValueKind.True)
        {
            result.Rating = 5;
        }

        result.Location = Geo(root, "geoData") ?? Geo(root, "geoDataExif");
        result.Description = String(root, "description");

        // Takeout's title is the uploaded file name, not a caption; keep it only if it is not just that.
        var title = String(root, "title");
        if (title is not null && !MediaTypes.Extensions.Contains(Path.GetExtension(title).ToLowerInvariant()))
        {
            result.Title = title;
        }

        if (AlbumTitle(Path.GetDirectoryName(jsonPath)!) is { } album)
        {
            result.Albums.Add(album);
        }

        return result;
    }

    /// <summary>The album name from a Takeout album folder's <c>metadata.json</c> (old and new layouts).</summary>
    public static string? AlbumTitle(string folder)
    {
        var path = Path.Combine(folder, "metadata.json");
        if (!File.Exists(path) || new FileInfo(path).Length > MaxJsonBytes)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return String(root, "title") ??
                (root.TryGetProperty("albumData", out var album) && album.ValueKind == JsonValueKind.Object ? String(album, "title") : null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateTime? Timestamp(JsonElement root, string property)
    {
        if (!root.TryGetProperty(property, out var element) || element.ValueKind != JsonValueKind.Object ||
            !element.TryGetProperty("timestamp", out var timestamp))
        {
            return null;
        }

        long seconds;
        if (timestamp.ValueKind == JsonValueKind.String)
        {
            if (!long.TryParse(timestamp.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out seconds))
            {
                return null;
            }
        }
        else if (!timestamp.TryGetInt64(out seconds))
        {
            return null;
        }

        return seconds is > 0 and < 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime : null;
    }

    private static GeoPoint? Geo(JsonElement root, string property)
    {
        if (!root.TryGetProperty(property, out var geo) || geo.ValueKind != JsonValueKind.Object ||
            !geo.TryGetProperty("latitude", out var latElement) || !geo.TryGetProperty("longitude", out var lonElement) ||
            !latElement.TryGetDouble(out var lat) || !lonElement.TryGetDouble(out var lon))
        {
            return null;
        }

        // Takeout writes 0,0 for "no location".
        if ((lat == 0 && lon == 0) || Math.Abs(lat) > 90 || Math.Abs(lon) > 180)
        {
            return null;
        }

        double? altitude = geo.TryGetProperty("altitude", out var altElement) && altElement.TryGetDouble(out var alt) && alt != 0 ? alt : null;
        return new GeoPoint(lat, lon, altitude);
    }

    private static string? String(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? MetadataText.Clean(value.GetString())
            : null;
}
