using System.Xml.Linq;

namespace FolderPrism.WebDav.Properties;

/// <summary>A fixed list of live properties with name lookup.</summary>
public sealed class DavPropertyManager : IDavPropertyManager
{
    private readonly Dictionary<XName, DavLiveProperty> _byName;

    public DavPropertyManager(IEnumerable<DavLiveProperty> properties)
    {
        Properties = properties.ToArray();
        _byName = Properties.ToDictionary(p => p.Name);
    }

    public IReadOnlyList<DavLiveProperty> Properties { get; }

    public DavLiveProperty? Find(XName name) => _byName.GetValueOrDefault(name);
}
