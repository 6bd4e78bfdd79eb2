using System.Buffers.Binary;

namespace FolderPrism.Imaging;

/// <summary>
/// Finds the largest embedded JPEG in a file, which for camera RAW (CR2, NEF, ARW, DNG, ORF, RW2, RAF) is the
/// camera's full-size or large preview. Walking JPEG markers is format-agnostic, so no per-vendor TIFF/maker-note
/// parser is needed, and it never decodes pixels: only SOF headers are read to compare sizes.
/// </summary>
public static class EmbeddedJpegFinder
{
    /// <summary>Most candidate SOI markers examined, so a file full of FF D8 FF bytes stays cheap.</summary>
    private const int MaxCandidates = 256;

    /// <summary>Returns the largest complete embedded JPEG, or <c>null</c> when none is found.</summary>
    public static EmbeddedJpeg? FindLargest(ReadOnlySpan<byte> data)
    {
        EmbeddedJpeg? best = null;
        var examined = 0;
        var start = 0;
        while (examined < MaxCandidates && start < data.Length - 4)
        {
            var found = data[start..].IndexOf([(byte)0xFF, (byte)0xD8, (byte)0xFF]);
            if (found < 0)
            {
                break;
            }

            var offset = start + found;
            examined++;
            var candidate = TryRead(data, offset);
            if (candidate is not null &&
                (best is null || (long)candidate.Width * candidate.Height > (long)best.Width * best.Height))
            {
                best = candidate;
            }

            start = offset + 1;
        }

        return best;
    }

    private static EmbeddedJpeg? TryRead(ReadOnlySpan<byte> data, int offset)
    {
        var pos = offset + 2;
        int width = 0, height = 0;
        while (pos + 4 <= data.Length)
        {
            if (data[pos] != 0xFF)
            {
                return null;
            }

            var marker = data[pos + 1];
            if (marker == 0xFF)
            {
                pos++;
                continue;
            }

            if (marker is 0x00 or 0x01 or (>= 0xD0 and <= 0xD9))
            {
                // Not a segment that may follow SOI before the scan: this SOI is a false match.
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(pos + 2)..]);
            if (length < 2)
            {
                return null;
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC && pos + 9 <= data.Length)
            {
                height = BinaryPrimitives.ReadUInt16BigEndian(data[(pos + 5)..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(data[(pos + 7)..]);
            }

            if (marker == 0xDA)
            {
                // Entropy-coded data: stuffed FF bytes are followed by 00 or RSTn, so the first FF D9 ends the image.
                var scanStart = pos + 2 + length;
                if (width == 0 || height == 0 || scanStart > data.Length)
                {
                    return null;
                }

                var end = data[scanStart..].IndexOf([(byte)0xFF, (byte)0xD9]);
                return end < 0 ? null : new EmbeddedJpeg(offset, scanStart + end + 2 - offset, width, height);
            }

            pos += 2 + length;
        }

        return null;
    }
}
