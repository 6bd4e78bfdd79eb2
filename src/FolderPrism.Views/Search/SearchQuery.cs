using System.Globalization;
using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Views.Items;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Search;

/// <summary>
/// A <c>/Search/&lt;query&gt;</c> folder name turned into SQL. Words (all must match, case-insensitively) are looked for
/// in the file path, title, description, camera, tags, people, albums and machine labels; filters narrow further: <c>year:2019</c>,
/// <c>month:2019-06</c> (or <c>month:6</c>), <c>person:alice</c>, <c>tag:beach</c>, <c>camera:canon</c>,
/// <c>type:video|photo</c>, <c>label:dog</c> (machine labels, see <see cref="LabelSearch"/>); <c>year=2019</c> is the
/// same filter for file managers that refuse a colon, and quotes keep a multi-word value together (<c>tag:"New York"</c>).
/// A filter whose value cannot be understood matches nothing, so a typo gives an empty folder.
/// </summary>
internal static class SearchQuery
{
    public static ItemFilter Parse(string text)
    {
        var filters = new List<ItemFilter>();
        foreach (var (key, value, token) in Terms(text))
        {
            filters.Add(key switch
            {
                "year" => Year(value),
                "month" => Month(value),
                "person" => Person(value),
                "tag" => Tag(value),
                "camera" => Camera(value),
                "type" => Type(value),
                "label" => LabelSearch.Label(value),
                _ => Word(token),
            });
        }

        return (db, items) => filters.Aggregate(items, (q, f) => f(db, q));
    }

    /// <summary>
    /// The query's terms: the filter key (lower case; null for a plain word), its value, and the whole token. One
    /// tokenizer for the filter and for <see cref="SearchKeys"/>' planning, so both always read the same query.
    /// A filter is written <c>key:value</c> or <c>key=value</c> (Windows Explorer and Finder refuse a colon in a folder
    /// name); double quotes keep spaces in a value or phrase (<c>tag:"New York"</c>) and are not part of it.
    /// </summary>
    internal static IEnumerable<(string? Key, string Value, string Token)> Terms(string text)
    {
        foreach (var (token, separator) in Tokens(text))
        {
            var key = separator > 0 ? token[..separator].ToLowerInvariant() : null;
            yield return key is not null && (token[separator] == ':' || FilterKeys.Contains(key))
                ? (key, token[(separator + 1)..], token)
                : (null, token, token);
        }
    }

    private static readonly HashSet<string> FilterKeys = ["year", "month", "person", "tag", "camera", "type", "label"];

    /// <summary>Space-separated tokens, quotes removed; with the index of the first unquoted ':' or '=' (or -1).</summary>
    private static List<(string Token, int Separator)> Tokens(string text)
    {
        var tokens = new List<(string, int)>();
        var current = new System.Text.StringBuilder();
        var separator = -1;
        var quoted = false;
        foreach (var c in text + " ")
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    tokens.Add((current.ToString(), separator));
                }

                current.Clear();
                separator = -1;
            }
            else
            {
                if (separator < 0 && !quoted && c is ':' or '=')
                {
                    separator = current.Length;
                }

                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            tokens.Add((current.ToString().TrimEnd(), separator)); // an unclosed quote runs to the end
        }

        return tokens;
    }

    /// <summary>
    /// The capture-date range a <c>year:yyyy</c> or <c>month:yyyy-MM</c> term selects; null for any other term,
    /// <c>month:6</c> (every June, not one range) and values that do not parse (those match nothing).
    /// </summary>
    internal static Shard? DateRange(string? key, string value)
    {
        var invariant = CultureInfo.InvariantCulture;
        return key switch
        {
            "year" when int.TryParse(value, NumberStyles.None, invariant, out var year) && year is >= 1 and <= 9998 => Shard.Year(year),
            "month" when DateTime.TryParseExact(value, "yyyy-MM", invariant, DateTimeStyles.None, out var month) => Shard.Month(month.Year, month.Month),
            _ => null,
        };
    }

    private static string Like(string value) => "%" + Escape(value) + "%";

    internal static string Escape(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static ItemFilter Nothing() => (_, items) => items.Where(_ => false);

    private static ItemFilter Word(string word)
    {
        var pattern = Like(word);
        var label = LabelSearch.LabelFor(word);
        // A word of a two-word label ("wine" of "wine glass") matches it too, so a search for the label's name finds it.
        var (leading, trailing) = (Escape(word) + " %", "% " + Escape(word));
        return (db, items) => items.Where(i =>
            EF.Functions.Like(i.RelativePath, pattern, "\\")
            || (i.Title != null && EF.Functions.Like(i.Title, pattern, "\\"))
            || (i.Description != null && EF.Functions.Like(i.Description, pattern, "\\"))
            || (i.Make != null && EF.Functions.Like(i.Make, pattern, "\\"))
            || (i.Model != null && EF.Functions.Like(i.Model, pattern, "\\"))
            || db.ItemTags.Any(t => t.ItemId == i.Id && EF.Functions.Like(t.Tag!.Name, pattern, "\\"))
            || db.Faces.Any(f => f.ItemId == i.Id && f.Person != null && EF.Functions.Like(f.Person.Name, pattern, "\\"))
            || db.AlbumItems.Any(a => a.ItemId == i.Id && EF.Functions.Like(a.Album!.Name, pattern, "\\"))
            || db.Labels.Any(l => l.ItemId == i.Id && !l.Rejected
                && (l.Name == label || EF.Functions.Like(l.Name, leading, "\\") || EF.Functions.Like(l.Name, trailing, "\\"))));
    }

    private static ItemFilter Year(string value) =>
        DateRange("year", value) is { } shard ? (_, items) => items.InRange(shard.From, shard.To) : Nothing();

    private static ItemFilter Month(string value)
    {
        if (DateRange("month", value) is { } shard)
        {
            return (_, items) => items.InRange(shard.From, shard.To);
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12)
        {
            return (_, items) => items.Where(i => i.TakenLocal!.Value.Month == m);
        }

        return Nothing();
    }

    private static ItemFilter Person(string value)
    {
        var pattern = Escape(value) + "%";
        return (db, items) => items.Where(i => db.Faces.Any(f => f.ItemId == i.Id && f.Person != null && EF.Functions.Like(f.Person.Name, pattern, "\\")));
    }

    private static ItemFilter Tag(string value)
    {
        var exact = Escape(value);
        var descendants = Escape(value) + "|%";
        // Per row of the index-ordered scan: the item's own links (a prefix seek, usually none or one) and each link's tag
        // by key. Not "TagId IN (matching tags)": SQLite re-runs that list inside the correlated EXISTS for every row.
        return (db, items) => items.Where(i => db.ItemTags.Any(t => t.ItemId == i.Id
            && (EF.Functions.Like(t.Tag!.Name, exact, "\\") || EF.Functions.Like(t.Tag!.FullPath, exact, "\\")
                || EF.Functions.Like(t.Tag!.FullPath, descendants, "\\"))));
    }

    private static ItemFilter Camera(string value)
    {
        var pattern = Like(value);
        return (_, items) => items.Where(i => (i.Make != null && EF.Functions.Like(i.Make, pattern, "\\"))
            || (i.Model != null && EF.Functions.Like(i.Model, pattern, "\\")));
    }

    private static ItemFilter Type(string value) => value.ToLowerInvariant() switch
    {
        "video" or "videos" => (_, items) => items.Where(i => i.Kind == MediaKind.Video),
        "photo" or "photos" or "image" or "images" => (_, items) => items.Where(i => i.Kind == MediaKind.Image),
        _ => Nothing(),
    };
}
