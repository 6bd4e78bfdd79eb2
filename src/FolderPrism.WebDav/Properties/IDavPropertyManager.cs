using System.Xml.Linq;

namespace FolderPrism.WebDav.Properties;

/// <summary>
/// The live properties one kind of item supports. Each item kind (real file, real folder, later virtual views) points
/// at its manager, so PROPFIND/PROPPATCH stay generic and a new kind only declares its property list.
/// </summary>
public interface IDavPropertyManager
{
    IReadOnlyList<DavLiveProperty> Properties { get; }

    DavLiveProperty? Find(XName name);
}
