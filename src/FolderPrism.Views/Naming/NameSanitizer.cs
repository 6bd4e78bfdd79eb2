using System.Buffers;
using System.Globalization;
using System.Text;

namespace FolderPrism.Views.Naming;

/// <summary>
/// Makes names every client can create: no <c>\ / : * ? " &lt; &gt; |</c> or control characters, no trailing dot or
/// space, no Windows device name, at most 255 UTF-8 bytes, NFC. Pure functions, so a name is the same on every call.
/// </summary>
internal static class NameSanitizer
{
    public const int MaxBytes = 255;

    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>What <see cref="ReplaceInvalid"/> replaces: control characters, DEL and <c>\ / : * ? " &lt; &gt; |</c>.</summary>
    private static readonly SearchValues<char> Invalid = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\u007f\\/:*?\"<>|");

    /// <summary>True when <see cref="ReplaceInvalid"/> would replace something in this (normalised) text.</summary>
    public static bool HasInvalid(ReadOnlySpan<char> text) => text.ContainsAny(Invalid);

    /// <summary>Replaces characters Windows refuses by '_' (keeps everything else, including non-Latin scripts).</summary>
    public static string ReplaceInvalid(string name)
    {
        var normalised = name.IsNormalized(NormalizationForm.FormC) ? name : name.Normalize(NormalizationForm.FormC);
        if (!normalised.AsSpan().ContainsAny(Invalid))
        {
            return normalised; // the usual file name: nothing to replace, no copy
        }

        var builder = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            builder.Append(c < 0x20 || c == 0x7f || c is '\\' or '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c);
        }

        return builder.ToString();
    }

    /// <summary>A folder name for a tag, person, album or camera.</summary>
    public static string Folder(string name)
    {
        var clean = FixEnds(ReplaceInvalid(name.Trim()));
        var stem = clean.Split('.')[0];
        if (DeviceNames.Contains(stem))
        {
            clean = "_" + clean;
        }

        return Truncate(clean, string.Empty);
    }

    /// <summary>Trailing dots and spaces are dropped by Windows: turn them into '_'; an empty name becomes "_".</summary>
    public static string FixEnds(string name)
    {
        var end = name.Length;
        while (end > 0 && name[end - 1] is '.' or ' ')
        {
            end--;
        }

        return end == name.Length ? (name.Length == 0 ? "_" : name) : name[..end] + new string('_', name.Length - end);
    }

    /// <summary>Cuts <paramref name="stem"/> (never inside a character) so stem + extension fit in 255 UTF-8 bytes.</summary>
    public static string Truncate(string stem, string extension)
    {
        if (Encoding.UTF8.GetByteCount(stem) + Encoding.UTF8.GetByteCount(extension) <= MaxBytes)
        {
            return stem + extension;
        }

        var budget = MaxBytes - Encoding.UTF8.GetByteCount(extension);
        var builder = new StringBuilder();
        var used = 0;
        var elements = StringInfo.GetTextElementEnumerator(stem);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var bytes = Encoding.UTF8.GetByteCount(element);
            if (used + bytes > budget)
            {
                break;
            }

            builder.Append(element);
            used += bytes;
        }

        return FixEnds(builder.ToString()) + extension;
    }
}
