using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using FolderPrism.Indexing.Metadata;

namespace FolderPrism.Views.Sidecars;

/// <summary>
/// Merges <see cref="SidecarContent"/> into an XMP sidecar's text. Everything FolderPrism does not own is kept as it
/// was; the owned properties are removed wherever and however they were spelled (attribute or element, any
/// rdf:Description) and written once into the first rdf:Description. Lists the indexer reads back (dc:subject,
/// lr:hierarchicalSubject, mwg-rs:Regions) are always written, empty if need be: a stated empty list hides the
/// original's embedded keywords/faces, so a removal is not undone by the next re-read. Microsoft MP:RegionInfo is
/// replaced by the MWG list (its faces are carried there); digiKam:TagsList and MicrosoftPhoto:LastKeywordXMP are
/// rewritten only when already present, so digiKam and Windows do not show stale tags.
/// </summary>
internal static class XmpSidecarDocument
{
    private static readonly XNamespace X = "adobe:ns:meta/";
    private static readonly XNamespace Rdf = XmpNames.Rdf;
    private static readonly XNamespace Dc = XmpNames.Dc;
    private static readonly XNamespace Lr = XmpNames.Lr;
    private static readonly XNamespace MwgRs = XmpNames.MwgRs;
    private static readonly XNamespace StArea = XmpNames.StArea;
    private static readonly XNamespace StDim = XmpNames.StDim;
    private static readonly XNamespace IptcExt = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
    private static readonly XNamespace Mp = XmpNames.Mp;
    private static readonly XNamespace MicrosoftPhoto = XmpNames.MicrosoftPhoto;
    private static readonly XNamespace DigiKam = "http://www.digikam.org/ns/1.0/";

    /// <summary>FolderPrism's own namespace; albums have no standard XMP property.</summary>
    public static readonly XNamespace FolderPrism = "https://folderprism.org/ns/xmp/1.0/";

    private static readonly (string Prefix, XNamespace Ns)[] Prefixes =
    [
        ("dc", Dc), ("lr", Lr), ("mwg-rs", MwgRs), ("stArea", StArea), ("stDim", StDim), ("Iptc4xmpExt", IptcExt),
        ("folderprism", FolderPrism),
    ];

    private static readonly XName[] Owned =
    [
        Dc + "subject", Lr + "hierarchicalSubject", MwgRs + "Regions", Mp + "RegionInfo", IptcExt + "PersonInImage",
        FolderPrism + "Albums",
    ];

    /// <summary>The merged sidecar text; throws <see cref="XmlException"/> when <paramref name="existing"/> is not XMP.</summary>
    public static string Merge(string? existing, SidecarContent content)
    {
        var doc = existing is null ? NewDocument() : Parse(existing);
        var rdf = doc.Descendants(Rdf + "RDF").FirstOrDefault() ?? throw new XmlException("No rdf:RDF element: not an XMP sidecar.");
        var descriptions = rdf.Elements(Rdf + "Description").ToList();
        var mirrorTagsList = descriptions.Any(d => Has(d, DigiKam + "TagsList"));
        var mirrorWindows = descriptions.Any(d => Has(d, MicrosoftPhoto + "LastKeywordXMP"));
        foreach (var description in descriptions)
        {
            foreach (var name in Owned.Append(DigiKam + "TagsList").Append(MicrosoftPhoto + "LastKeywordXMP"))
            {
                description.Attributes(name).Remove();
                description.Elements(name).Remove();
            }
        }

        var target = descriptions.FirstOrDefault();
        if (target is null)
        {
            target = new XElement(Rdf + "Description", new XAttribute(Rdf + "about", string.Empty));
            rdf.Add(target);
        }

        foreach (var (prefix, ns) in Prefixes)
        {
            if (target.GetPrefixOfNamespace(ns) is null && target.GetNamespaceOfPrefix(prefix) is null)
            {
                target.Add(new XAttribute(XNamespace.Xmlns + prefix, ns.NamespaceName));
            }
        }

        target.Add(Bag(Dc + "subject", content.Subjects));
        target.Add(Bag(Lr + "hierarchicalSubject", content.Hierarchical));
        target.Add(Regions(content));
        if (content.People.Count > 0)
        {
            target.Add(Bag(IptcExt + "PersonInImage", content.People));
        }

        if (content.Albums.Count > 0)
        {
            target.Add(Bag(FolderPrism + "Albums", content.Albums));
        }

        var slashed = content.Subjects.Concat(content.Hierarchical.Select(h => h.Replace('|', '/'))).ToList();
        if (mirrorTagsList)
        {
            target.Add(Bag(DigiKam + "TagsList", slashed, seq: true));
        }

        if (mirrorWindows)
        {
            target.Add(Bag(MicrosoftPhoto + "LastKeywordXMP", slashed));
        }

        return Serialize(doc);
    }

    private static XDocument Parse(string text)
    {
        // No DTDs, no external entities: a sidecar is untrusted input.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(new StringReader(text.TrimStart('\uFEFF')), settings);
        return XDocument.Load(reader);
    }

    private static XDocument NewDocument() => new(
        new XDeclaration("1.0", "UTF-8", null),
        new XElement(X + "xmpmeta",
            new XAttribute(XNamespace.Xmlns + "x", X.NamespaceName),
            new XAttribute(X + "xmptk", "FolderPrism"),
            new XElement(Rdf + "RDF",
                new XAttribute(XNamespace.Xmlns + "rdf", Rdf.NamespaceName),
                new XElement(Rdf + "Description", new XAttribute(Rdf + "about", string.Empty)))));

    private static bool Has(XElement description, XName name) =>
        description.Attribute(name) is not null || description.Element(name) is not null;

    private static XElement Bag(XName name, IEnumerable<string> values, bool seq = false) =>
        new(name, new XElement(Rdf + (seq ? "Seq" : "Bag"), values.Select(v => new XElement(Rdf + "li", v))));

    private static XElement Regions(SidecarContent content)
    {
        var regions = new XElement(MwgRs + "Regions", new XAttribute(Rdf + "parseType", "Resource"));
        if (content is { Width: > 0, Height: > 0 })
        {
            regions.Add(new XElement(MwgRs + "AppliedToDimensions", new XAttribute(Rdf + "parseType", "Resource"),
                new XElement(StDim + "w", Number(content.Width.Value)),
                new XElement(StDim + "h", Number(content.Height.Value)),
                new XElement(StDim + "unit", "pixel")));
        }

        var list = new XElement(Rdf + "Bag");
        foreach (var region in content.Regions)
        {
            var li = new XElement(Rdf + "li", new XAttribute(Rdf + "parseType", "Resource"),
                new XElement(MwgRs + "Type", "Face"));
            if (region.Name is { Length: > 0 } name)
            {
                li.Add(new XElement(MwgRs + "Name", name));
            }

            li.Add(new XElement(MwgRs + "Area", new XAttribute(Rdf + "parseType", "Resource"),
                new XElement(StArea + "x", Number(region.X)),
                new XElement(StArea + "y", Number(region.Y)),
                new XElement(StArea + "w", Number(region.Width)),
                new XElement(StArea + "h", Number(region.Height)),
                new XElement(StArea + "unit", "normalized")));
            list.Add(li);
        }

        regions.Add(new XElement(MwgRs + "RegionList", list));
        return regions;
    }

    private static string Number(double value) => Math.Round(value, 6, MidpointRounding.AwayFromZero).ToString("0.######", CultureInfo.InvariantCulture);

    private static string Serialize(XDocument doc)
    {
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = " ", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = doc.Declaration is null };
        using (var writer = XmlWriter.Create(new Utf8StringWriter(builder), settings))
        {
            doc.Save(writer);
        }

        return builder.Append('\n').ToString();
    }

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
