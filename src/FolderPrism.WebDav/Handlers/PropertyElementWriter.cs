using System.Xml;
using System.Xml.Linq;
using FolderPrism.WebDav.Properties;

namespace FolderPrism.WebDav.Handlers;

/// <summary>
/// Starts property elements with an explicit prefix per namespace (never a default namespace), so dead property
/// values written verbatim keep the meaning of their own unprefixed elements.
/// </summary>
internal sealed class PropertyElementWriter
{
    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal) { [DavNames.Namespace] = DavNames.Prefix, [string.Empty] = string.Empty };

    public void Start(XmlWriter writer, XName name)
    {
        var ns = name.NamespaceName;
        if (!_prefixes.TryGetValue(ns, out var prefix))
        {
            prefix = "ns" + _prefixes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _prefixes[ns] = prefix;
        }

        writer.WriteStartElement(prefix, name.LocalName, ns);
    }

    public void WriteEmpty(XmlWriter writer, XName name)
    {
        Start(writer, name);
        writer.WriteEndElement();
    }
}
