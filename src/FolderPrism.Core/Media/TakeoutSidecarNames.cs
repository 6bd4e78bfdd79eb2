using System.Text.RegularExpressions;

namespace FolderPrism.Core.Media;

/// <summary>
/// The names Google Takeout may have given the JSON sidecar of a media file, best guess first. Takeout writes
/// <c>x.jpg.json</c> (older exports) or <c>x.jpg.supplemental-metadata.json</c> (newer), cuts the part before
/// <c>.json</c> so the whole name stays within 51 characters (46 or 47 characters kept, depending on the export,
/// which also truncates "supplemental-metadata" to e.g. <c>.supplemental-metad</c> or <c>.suppl</c>), moves a
/// duplicate counter behind the extension (<c>x(1).jpg</c> → <c>x.jpg(1).json</c>), and gives edited copies
/// (<c>x-edited.jpg</c>) no sidecar of their own: they use the original's.
/// </summary>
public static partial class TakeoutSidecarNames
{
    private const string Supplemental = ".supplemental-metadata";

    /// <summary>Lengths Takeout keeps before <c>.json</c>: 51 − 5 and one more seen in some exports.</summary>
    private static readonly int[] KeptLengths = [46, 47];

    /// <summary>Suffixes Google Photos adds to edited copies, in the languages seen in exports.</summary>
    private static readonly string[] EditedSuffixes =
    [
        "-edited", "-bearbeitet", "-modifié", "-modificato", "-editado", "-bewerkt", "-redigeret", "-muokattu",
        "-redigerad", "-edytowane", "-upravené", "-編集済み", "-编辑",
    ];

    [GeneratedRegex(@"^(?<stem>.*?)(?<counter>\(\d+\))(?<ext>\.[^.]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CounterPattern();

    /// <summary>Candidate JSON file names (no directory), most likely first, without duplicates.</summary>
    public static IReadOnlyList<string> Candidates(string mediaFileName)
    {
        var name = Path.GetFileName(mediaFileName);
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string candidate)
        {
            if (seen.Add(candidate))
            {
                result.Add(candidate);
            }
        }

        AddFor(name, string.Empty, Add);

        var counter = CounterPattern().Match(name);
        if (counter.Success && counter.Groups["stem"].Length > 0)
        {
            var original = counter.Groups["stem"].Value + counter.Groups["ext"].Value;
            AddFor(original, counter.Groups["counter"].Value, Add);
        }

        var ext = Path.GetExtension(name);
        var stem = Path.GetFileNameWithoutExtension(name);
        foreach (var suffix in EditedSuffixes)
        {
            if (stem.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && stem.Length > suffix.Length)
            {
                AddFor(stem[..^suffix.Length] + ext, string.Empty, Add);
            }
        }

        // Some exports drop the media extension altogether: x.json.
        if (stem.Length > 0)
        {
            Add(Truncate(stem, KeptLengths[0]) + ".json");
        }

        return result;
    }

    private static void AddFor(string name, string counter, Action<string> add)
    {
        add(name + counter + ".json");
        add(name + Supplemental + counter + ".json");
        foreach (var kept in KeptLengths)
        {
            add(Truncate(name, kept) + counter + ".json");
            add(Truncate(name + Supplemental, kept) + counter + ".json");
        }

        // Truncated "supplemental-metadata" at any length, e.g. x.jpg.suppl.json, x.jpg.s.json.
        for (var i = Supplemental.Length - 1; i >= 2; i--)
        {
            add(name + Supplemental[..i] + counter + ".json");
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
