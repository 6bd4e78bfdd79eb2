using FolderPrism.Views.Items;
using FolderPrism.Vision.Objects;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Search;

/// <summary>
/// Machine labels in <c>Search/</c>: a word matches photos carrying its COCO label (through the synonym map, so
/// <c>puppy</c> finds <c>dog</c>); <c>label:dog</c> filters on labels alone. Rejected labels never match.
/// </summary>
internal static class LabelSearch
{
    /// <summary>The label a search word stands for.</summary>
    public static string LabelFor(string word) => LabelSynonyms.Resolve(word);

    public static ItemFilter Label(string value)
    {
        var label = LabelFor(value);
        return (db, items) => items.Where(i => db.Labels.Any(l => l.ItemId == i.Id && !l.Rejected && l.Name == label));
    }
}
