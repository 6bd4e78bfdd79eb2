using System.Xml;
using System.Xml.Linq;
using FolderPrism.WebDav.Store;

namespace FolderPrism.WebDav.Properties;

/// <summary>A live property whose value is plain text computed from the item; null means "not on this item".</summary>
public sealed class TextLiveProperty(XName name, Func<IDavItem, string?> value, bool inAllProp = true) : DavLiveProperty(name, inAllProp)
{
    public override bool AppliesTo(IDavItem item) => value(item) is not null;

    public override void WriteValue(XmlWriter writer, IDavItem item, DavPropertyContext context) =>
        writer.WriteString(value(item) ?? string.Empty);
}
