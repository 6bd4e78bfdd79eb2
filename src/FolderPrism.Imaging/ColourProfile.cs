using System.Buffers.Binary;
using System.Text;
using NetVips;

namespace FolderPrism.Imaging;

/// <summary>
/// Decides from the header whether a decode needs an ICC transform to sRGB. Colour management through lcms costs
/// more than the shrink-on-load decode itself (≈ 250 ms of CPU for a 12-MP JPEG to 1440 px), and an sRGB→sRGB
/// transform is an identity, so it only runs for images that carry a non-sRGB profile or are CMYK. Untagged RGB is
/// sRGB by convention (what browsers and libvips assume too); other untagged spaces are converted by
/// <see cref="VipsRuntime.ToDisplayable"/>.
/// </summary>
internal static class ColourProfile
{
    private const string IccField = "icc-profile-data";
    private const int HeaderSize = 128;

    public static bool NeedsTransform(Image header)
    {
        if (header.Interpretation == Enums.Interpretation.Cmyk)
        {
            return true; // imported with the embedded or libvips' fallback CMYK profile
        }

        if (header.GetTypeOf(IccField) == 0 || header.Get(IccField) is not byte[] profile)
        {
            return false;
        }

        return !IsSrgb(profile);
    }

    /// <summary>True when the profile's description names sRGB (<c>sRGB IEC61966-2.1</c>, <c>sRGB built-in</c>, ...).</summary>
    public static bool IsSrgb(ReadOnlySpan<byte> profile) =>
        Description(profile) is { } description && description.TrimStart().StartsWith("sRGB", StringComparison.OrdinalIgnoreCase);

    /// <summary>The ICC <c>desc</c> tag (v2 <c>desc</c> or v4 <c>mluc</c> type), or null when absent or malformed.</summary>
    public static string? Description(ReadOnlySpan<byte> profile)
    {
        if (profile.Length < HeaderSize + 4)
        {
            return null;
        }

        var count = BinaryPrimitives.ReadUInt32BigEndian(profile[HeaderSize..]);
        for (var i = 0; i < count; i++)
        {
            var entry = HeaderSize + 4 + (i * 12);
            if (entry + 12 > profile.Length)
            {
                return null;
            }

            if (!profile.Slice(entry, 4).SequenceEqual("desc"u8))
            {
                continue;
            }

            var offset = BinaryPrimitives.ReadUInt32BigEndian(profile[(entry + 4)..]);
            var size = BinaryPrimitives.ReadUInt32BigEndian(profile[(entry + 8)..]);
            if (offset > profile.Length || size > profile.Length - offset || size < 12)
            {
                return null;
            }

            return ReadText(profile.Slice((int)offset, (int)size));
        }

        return null;
    }

    private static string? ReadText(ReadOnlySpan<byte> tag)
    {
        if (tag[..4].SequenceEqual("desc"u8))
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(tag[8..]);
            return length <= tag.Length - 12 ? Encoding.ASCII.GetString(tag.Slice(12, (int)length)).TrimEnd('\0') : null;
        }

        if (tag[..4].SequenceEqual("mluc"u8) && tag.Length >= 28)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(tag[20..]);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(tag[24..]);
            return offset <= tag.Length && length <= tag.Length - offset
                ? Encoding.BigEndianUnicode.GetString(tag.Slice((int)offset, (int)length)).TrimEnd('\0')
                : null;
        }

        return null;
    }
}
