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
