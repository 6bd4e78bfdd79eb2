using System.Xml.Linq;

namespace FolderPrism.WebDav.Properties;

/// <summary>A stored dead property: its resource path, name and inner XML value.</summary>
public sealed record DeadPropertyValue(string Path, XName Name, string Value);
