using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using FolderPrism.WebDav.Store;

namespace FolderPrism.WebDav.Properties;

/// <summary>RFC 4331 quota properties of real collections, from the file system holding them (Finder asks for them).</summary>
public sealed class QuotaProperty(XName name, bool available) : DavLiveProperty(name, inAllProp: false)
{
    public override bool AppliesTo(IDavItem item) => item.IsCollection && item.PhysicalPath is not null;

    public override void WriteValue(XmlWriter writer, IDavItem item, DavPropertyContext context)
    {
        var (free, used) = context.GetQuota(item.PhysicalPath!);
        writer.WriteString((available ? free : used).ToString(CultureInfo.InvariantCulture));
    }
}
