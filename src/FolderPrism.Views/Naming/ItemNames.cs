using System.Globalization;

using FolderPrism.Views.Items;

namespace FolderPrism.Views.Naming;

/// <summary>
/// Names of photos in views: <c>yyyy-MM-dd HH.mm.ss original.ext</c>, so a name sort is chronological. Two items
/// that would get the same name (case-insensitively, as Windows compares) can only share the same capture second,
/// so uniqueness is settled among the items of that second: the earliest indexed keeps the plain name and the
/// others get <c>~</c> plus the start of their id — stable when more items arrive later.
/// </summary>
internal static class ItemNames
{
    public const string TimeFormat = "yyyy-MM-dd HH.mm.ss";

    private const int MaxExtensionLength = 12;

    public static string Base(DateTime taken, string relativePath, string? suffix = null)
    {
        if (suffix is null && TryPlain(taken, relativePath) is { } plain)
        {
            return plain;
        }

        var fileName = NameSanitizer.ReplaceInvalid(relativePath[(relativePath.LastIndexOf('/') + 1)..]);
        var dot = fileName.LastIndexOf('.');
        var extension = dot > 0 && fileName.Length - dot <= MaxExtensionLength ? fileName[dot..] : string.Empty;
        var stem = taken.ToString(TimeFormat, CultureInfo.InvariantCulture) + " " + fileName[..(fileName.Length - extension.Length)];
        if (suffix is not null)
        {
            stem += " ~" + suffix;
        }

        return NameSanitizer.FixEnds(NameSanitizer.Truncate(stem, NameSanitizer.FixEnds(extension)));
    }

    /// <summary>
    /// Whether two names are equal case-insensitively. Equal names start with the same capture second, so only
    /// neighbours of the same second (in any order of the input) are compared: no hash of every name.
    /// </summary>
    private static bool HasCollision(List<(ViewEntry Entry, string Name)> named)
    {
        var bySecond = new Dictionary<long, int>(named.Count);
        for (var i = 0; i < named.Count; i++)
        {
            var second = named[i].Entry.TakenLocal.Ticks / TimeSpan.TicksPerSecond;
            if (!bySecond.TryAdd(second, i))
            {
                return true; // rare: settled by the full grouping below
            }
        }

        return false;
    }

    /// <summary>
    /// The usual name in one allocation: an ASCII file name with nothing to replace, an extension not ending in a dot or
    /// space, well under the byte limit — where <see cref="Base"/>'s general steps give exactly time + " " + file name.
    /// Null otherwise (the general steps decide).
    /// </summary>
    private static string? TryPlain(DateTime taken, string relativePath)
    {
        var start = relativePath.LastIndexOf('/') + 1;
        var fileName = relativePath.AsSpan(start);
        var dot = fileName.LastIndexOf('.');
        if (dot <= 0 || fileName.Length - dot > MaxExtensionLength || fileName.Length - dot < 2 || fileName[^1] is '.' or ' '
            || TimeFormat.Length + 1 + fileName.Length > NameSanitizer.MaxBytes || !System.Text.Ascii.IsValid(fileName)
            || NameSanitizer.HasInvalid(fileName))
        {
            return null;
        }

        return string.Create(TimeFormat.Length + 1 + fileName.Length, (taken, relativePath, start), static (span, state) =>
        {
            var (t, path, from) = state;
            Digits(span[..4], t.Year);
            span[4] = '-';
            Digits(span.Slice(5, 2), t.Month);
            span[7] = '-';
            Digits(span.Slice(8, 2), t.Day);
            span[10] = ' ';
            Digits(span.Slice(11, 2), t.Hour);
            span[13] = '.';
            Digits(span.Slice(14, 2), t.Minute);
            span[16] = '.';
            Digits(span.Slice(17, 2), t.Second);
            span[19] = ' ';
            path.AsSpan(from).CopyTo(span[20..]);
        });
    }

    /// <summary>Writes <paramref name="value"/> zero-padded into all of <paramref name="span"/>.</summary>
    private static void Digits(Span<char> span, int value)
    {
        for (var i = span.Length - 1; i >= 0; i--)
        {
            span[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>The capture second a view name starts with, if it has the view format.</summary>
    public static bool TryParseTime(string name, out DateTime taken)
    {
        taken = default;
        return name.Length > TimeFormat.Length && name[TimeFormat.Length] == ' '
            && DateTime.TryParseExact(name.AsSpan(0, TimeFormat.Length), TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.None, out taken);
    }

    /// <summary>Unique names for entries of one folder (each collision group settled by first-seen order).</summary>
    public static List<(ViewEntry Entry, string Name)> Assign(IEnumerable<ViewEntry> entries)
    {
        var named = entries.Select(e => (Entry: e, Name: Base(e.TakenLocal, e.RelativePath))).ToList();
        if (!HasCollision(named))
        {
            return named;
        }

        var groups = named.GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Skip(1).Any()).ToList();

        var renamed = new Dictionary<Guid, string>();
        foreach (var group in groups)
        {
            foreach (var (entry, _) in group.OrderBy(g => g.Entry.FirstSeenAt).ThenBy(g => g.Entry.Id).Skip(1))
            {
                renamed[entry.Id] = Base(entry.TakenLocal, entry.RelativePath, entry.Id.ToString("N")[..8]);
            }
        }

        return named.Select(n => (n.Entry, renamed.GetValueOrDefault(n.Entry.Id, n.Name))).ToList();
    }
}
