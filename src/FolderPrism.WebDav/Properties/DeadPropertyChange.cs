using System.Xml.Linq;

namespace FolderPrism.WebDav.Properties;

/// <summary>One PROPPATCH instruction: set to <see cref="Value"/> (inner XML), or remove when it is null.</summary>
public sealed record DeadPropertyChange(XName Name, string? Value);
