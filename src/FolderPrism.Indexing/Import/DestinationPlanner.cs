using System.Globalization;
using System.Text;
using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// Computes where a companion group goes under <c>Originals/</c> from the configured pattern, and picks a base name
/// nobody holds: the original one, else one suffixed with the primary's short content hash (stable: the same photo
/// gets the same name whatever the import order), else that plus a counter. Never returns a taken name.
/// </summary>
internal sealed class DestinationPlanner(string originalsRoot, string pattern, Func<string, bool> takenInIndex)
{
    private readonly HashSet<string> reserved = new(StringComparer.Ordinal);

    /// <summary>Plans relative destinations for <paramref name="names"/> (original names, first is the primary).</summary>
    public IReadOnlyList<string> Plan(IReadOnlyList<string> names, MediaAnalysis primary)
    {
        var when = primary.TakenAt?.Local ?? primary.ModifiedUtc;
        var first = Expand(names[0], primary, when);
        var folder = first.Contains('/') ? first[..first.LastIndexOf('/')] : "";
        var plannedStem = ImportInputs.StemOf(first[(first.LastIndexOf('/') + 1)..]);
        var shortHash = primary.ContentHash[..Math.Min(8, primary.ContentHash.Length)];
        for (var attempt = 0; ; attempt++)
        {
            var stem = attempt switch
            {
                0 => plannedStem,
                1 => $"{plannedStem}_{shortHash}",
                _ => $"{plannedStem}_{shortHash}_{attempt}",
            };
            var candidates = names.Select(n => Join(folder, stem + Sanitize(n[ImportInputs.StemOf(n).Length..]))).ToList();
            if (candidates.All(IsFree))
            {
                foreach (var c in candidates)
                {
                    reserved.Add(c);
                }

                return candidates;
            }
        }
    }

    /// <summary>Releases a name planned but not used (the file turned out to be a duplicate or failed).</summary>
    public void Release(string relative) => reserved.Remove(relative);

    private bool IsFree(string relative) =>
        !reserved.Contains(relative) && !takenInIndex(relative) &&
        !File.Exists(Path.Combine(originalsRoot, relative)) && !Directory.Exists(Path.Combine(originalsRoot, relative));

    private static string Join(string folder, string name) => folder.Length == 0 ? name : folder + "/" + name;

    private string Expand(string name, MediaAnalysis a, DateTime when)
    {
        var inv = CultureInfo.InvariantCulture;
        var camera = string.Join(' ', new[] { a.Make, a.Model }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
        var stem = ImportInputs.StemOf(name);
        var text = new StringBuilder(pattern)
            .Replace("{yyyy}", when.ToString("yyyy", inv))
            .Replace("{MM}", when.ToString("MM", inv))
            .Replace("{dd}", when.ToString("dd", inv))
            .Replace("{camera}", Sanitize(camera.Length == 0 ? "Unknown camera" : camera))
            .Replace("{hash}", a.ContentHash[..Math.Min(8, a.ContentHash.Length)])
            .Replace("{name}", Sanitize(name))
            .Replace("{stem}", Sanitize(stem))
            .Replace("{ext}", Sanitize(name[stem.Length..]))
            .ToString();
        var segments = text.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s is not "." and not "..");
        return string.Join('/', segments);
    }

    private static string Sanitize(string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        var chars = value.Select(c => c is '/' or '\\' or '\0' || char.IsControl(c) ? '_' : c).ToArray();
        var s = new string(chars).Trim().TrimEnd('.');
        return s.Length == 0 ? "_" : s;
    }
}
