using FolderPrism.Data.Entities;
using FolderPrism.Views.Items;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Search;

/// <summary>
/// What a search's terms tell about its matches before any listing query, so a cold <c>/Search/</c> folder picks its
/// cheapest path: <see cref="Members"/>, the exact visible matches from the per-tag date index (<see cref="TagDate"/>)
/// when the query is one <c>tag:</c> plus date terms — "over the limit?" is then an index count and a small result is
/// read by key; <see cref="Bound"/>, the visible items of the query's date range (the covering date index), a superset
/// whose count at most the limit proves the listing flat, so it is read in one query (no ids-first pass).
/// </summary>
internal sealed record SearchKeys(MemberIds? Members, MemberIds? Bound)
{
    public static SearchKeys For(string text)
    {
        DateTime? from = null;
        DateTime? to = null;
        string? tag = null;
        var tags = 0;
        var others = 0;
        foreach (var (key, value, _) in SearchQuery.Terms(text))
        {
            if (key == "tag")
            {
                tag = value;
                tags++;
            }
            else if (SearchQuery.DateRange(key, value) is { } range)
            {
                from = from is null || range.From > from ? range.From : from;
                to = to is null || range.To < to ? range.To : to;
            }
            else
            {
                others++; // a word, another filter, month:6 or an unparsable date: only the scan knows
            }
        }

        MemberIds? bound = from is null ? null : db => ItemQueries.Visible(db).InRange(from, to).Select(i => i.Id);
        MemberIds? members = tags == 1 && others == 0 ? TagMembers(tag!, from, to) : null;
        return new SearchKeys(members, bound);
    }

    /// <summary>
    /// The visible items linked to a tag <see cref="SearchQuery"/>'s <c>tag:</c> matches (name, path or a descendant's
    /// path), within the date range: one (TagId, TakenLocal) range per matching tag, distinct over several tags.
    /// </summary>
    private static MemberIds TagMembers(string value, DateTime? from, DateTime? to)
    {
        var exact = SearchQuery.Escape(value);
        var descendants = exact + "|%";
        return db =>
        {
            var tagIds = db.Tags.Where(t => EF.Functions.Like(t.Name, exact, "\\") || EF.Functions.Like(t.FullPath, exact, "\\")
                || EF.Functions.Like(t.FullPath, descendants, "\\")).Select(t => t.Id);
            var links = db.Set<TagDate>().Where(d => tagIds.Contains(d.TagId));
            if (from is { } f)
            {
                links = links.Where(d => d.TakenLocal >= f);
            }

            if (to is { } t)
            {
                links = links.Where(d => d.TakenLocal < t);
            }

            return links.Select(d => d.ItemId).Distinct();
        };
    }
}
