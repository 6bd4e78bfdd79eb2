using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using FolderPrism.Vision.Faces;

namespace FolderPrism.Vision.Library;

/// <summary>Encodings of the face columns: descriptor blobs, landmark strings and rejection tokens.</summary>
public static class FaceRecords
{
    public static byte[] EncodeVector(float[] vector)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("face descriptors are stored little-endian");
        }

        return MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();
    }

    public static float[] DecodeVector(byte[] blob) => MemoryMarshal.Cast<byte, float>(blob.AsSpan()).ToArray();

    /// <summary>Landmarks normalised by the image size, <c>x,y;x,y</c> with 4 decimals.</summary>
    public static string EncodeLandmarks(IEnumerable<FacePoint> points, int width, int height)
    {
        var sb = new StringBuilder();
        foreach (var p in points)
        {
            if (sb.Length > 0)
            {
                sb.Append(';');
            }

            sb.Append(CultureInfo.InvariantCulture, $"{p.X / width:0.####},{p.Y / height:0.####}");
        }

        return sb.ToString();
    }

    /// <summary>Inverse of <see cref="EncodeLandmarks"/>, in pixels of a <paramref name="width"/>×<paramref name="height"/> image; empty when unknown or malformed.</summary>
    public static IReadOnlyList<FacePoint> DecodeLandmarks(string? encoded, double width, double height)
    {
        var points = new List<FacePoint>();
        foreach (var pair in (encoded ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var xy = pair.Split(',');
            if (xy.Length != 2 || !double.TryParse(xy[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                || !double.TryParse(xy[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
            {
                return [];
            }

            points.Add(new FacePoint(x * width, y * height));
        }

        return points;
    }

    public static string PersonToken(int personId) => "p" + personId.ToString(CultureInfo.InvariantCulture);

    public static string ClusterToken(long clusterId) => "c" + clusterId.ToString(CultureInfo.InvariantCulture);

    public static IReadOnlySet<string> ParseRejections(string? rejections) =>
        (rejections ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="token"/> to a rejection list (idempotent).</summary>
    public static string AddRejection(string? rejections, string token)
    {
        var set = ParseRejections(rejections);
        return set.Contains(token) ? rejections! : string.Join(' ', set.Append(token).Order(StringComparer.Ordinal));
    }
}
