using System.Xml.Linq;

namespace FolderPrism.Indexing.Metadata;

/// <summary>
/// Reads RDF/XML the way XMP writers vary it: a property may be an attribute, a child element with text, or a struct
/// in a child (<c>rdf:parseType="Resource"</c> or a nested <c>rdf:Description</c>); arrays are Bag/Seq/Alt.
/// </summary>
internal static class XmpNode
{
    /// <summary>The simple value of <paramref name="name"/> on a struct node, in any RDF spelling.</summary>
    public static string? Value(XElement node, XName name)
    {
        foreach (var holder in Holders(node))
        {
            if (holder.Attribute(name) is { } attribute)
            {
                return MetadataText.Clean(attribute.Value);
            }

            if (holder.Element(name) is { } element)
            {
                if (element.Attribute(XmpNames.Rdf + "resource") is { } resource)
                {
                    return MetadataText.Clean(resource.Value);
                }

                var alt = Items(element).FirstOrDefault();
                return MetadataText.Clean(alt ?? (element.HasElements ? null : element.Value));
            }
        }

        return null;
    }

    /// <summary>The struct held by property <paramref name="name"/> (the element itself or its rdf:Description).</summary>
    public static XElement? Struct(XElement node, XName name)
    {
        foreach (var holder in Holders(node))
        {
            if (holder.Element(name) is { } element)
            {
                return element.Element(XmpNames.Rdf + "Description") ?? element;
            }
        }

        return null;
    }

    /// <summary>Items of an array property (Bag/Seq/Alt), as structs.</summary>
    public static IEnumerable<XElement> ArrayItems(XElement node, XName name)
    {
        foreach (var holder in Holders(node))
        {
            if (holder.Element(name) is { } element)
            {
                return element.Elements().Where(IsArray).SelectMany(a => a.Elements(XmpNames.Rdf + "li"))
                    .Select(li => li.Element(XmpNames.Rdf + "Description") ?? li).ToList();
            }
        }

        return [];
    }

    /// <summary>Text items of an array property; an Alt's x-default comes first.</summary>
    public static IEnumerable<string> Items(XElement property)
    {
        var items = property.Elements().Where(IsArray).SelectMany(a => a.Elements(XmpNames.Rdf + "li")).ToList();
        var preferred = items.Where(li => (string?)li.Attribute(XNamespace.Xml + "lang") == "x-default").Concat(items);
        return preferred.Select(li => MetadataText.Clean(li.Value)).OfType<string>().Distinct(StringComparer.Ordinal);
    }

    public static IReadOnlyList<string> TextArray(XElement node, XName name)
    {
        foreach (var holder in Holders(node))
        {
            if (holder.Element(name) is { } element)
            {
                var items = Items(element).ToList();
                if (items.Count == 0 && !element.HasElements && MetadataText.Clean(element.Value) is { } single)
                {
                    items.Add(single);
                }

                return items;
            }

            if (holder.Attribute(name) is { } attribute && MetadataText.Clean(attribute.Value) is { } attr)
            {
                return [attr];
            }
        }

        return [];
    }

    /// <summary>Whether the property is present at all (element or attribute), even as an empty array.</summary>
    public static bool States(XElement node, XName name) =>
        Holders(node).Any(h => h.Element(name) is not null || h.Attribute(name) is not null);

    private static bool IsArray(XElement e) =>
        e.Name == XmpNames.Rdf + "Bag" || e.Name == XmpNames.Rdf + "Seq" || e.Name == XmpNames.Rdf + "Alt";

    private static IEnumerable<XElement> Holders(XElement node)
    {
        yield return node;
        foreach (var description in node.Elements(XmpNames.Rdf + "Description"))
        {
            yield return description;
        }
    }
}
