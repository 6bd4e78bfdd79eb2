using System.Xml;
using System.Xml.Linq;
using FolderPrism.WebDav.Store;

namespace FolderPrism.WebDav.Properties;

/// <summary>
/// A computed (live) property. Subclasses write only the value; the PROPFIND writer owns the element and propstat
/// grouping, so adding a property never touches the streaming code.
/// </summary>
public abstract class DavLiveProperty(XName name, bool inAllProp = true)
{
    public XName Name { get; } = name;

    /// <summary>False for properties RFC 4331 excludes from <c>allprop</c> (quota).</summary>
    public bool InAllProp { get; } = inAllProp;

    /// <summary>Whether this property has a value on <paramref name="item"/> (else it is reported 404).</summary>
    public virtual bool AppliesTo(IDavItem item) => true;

    public abstract void WriteValue(XmlWriter writer, IDavItem item, DavPropertyContext context);
}
