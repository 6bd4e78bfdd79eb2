using System.Xml.Linq;

namespace FolderPrism.Indexing.Metadata;

/// <summary>
/// XMP namespaces read by <see cref="XmpMetadataParser"/>. Public so the sidecar writer (Views) names the very same
/// namespaces the indexer reads back: a typo on one side would make written tags invisible to the next re-index.
/// </summary>
public static class XmpNames
{
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Xmp = "http://ns.adobe.com/xap/1.0/";
    public static readonly XNamespace Exif = "http://ns.adobe.com/exif/1.0/";
    public static readonly XNamespace ExifEx = "http://cipa.jp/exif/1.0/";
    public static readonly XNamespace Aux = "http://ns.adobe.com/exif/1.0/aux/";
    public static readonly XNamespace Tiff = "http://ns.adobe.com/tiff/1.0/";
    public static readonly XNamespace Photoshop = "http://ns.adobe.com/photoshop/1.0/";
    public static readonly XNamespace Lr = "http://ns.adobe.com/lightroom/1.0/";
    public static readonly XNamespace MwgRs = "http://www.metadataworkinggroup.com/schemas/regions/";
    public static readonly XNamespace StArea = "http://ns.adobe.com/xmp/sType/Area#";
    public static readonly XNamespace StDim = "http://ns.adobe.com/xap/1.0/sType/Dimensions#";
    public static readonly XNamespace Mp = "http://ns.microsoft.com/photo/1.2/";
    public static readonly XNamespace MpRi = "http://ns.microsoft.com/photo/1.2/t/RegionInfo#";
    public static readonly XNamespace MpReg = "http://ns.microsoft.com/photo/1.2/t/Region#";
    public static readonly XNamespace MicrosoftPhoto = "http://ns.microsoft.com/photo/1.0/";
}
