using System.Xml;
using FolderPrism.Core.Media;
using FolderPrism.Indexing.Metadata;
using FolderPrism.Views.Sidecars;

namespace FolderPrism.Views.Tests;

/// <summary>The sidecar document and path rules on their own, read back by the indexer's own XMP parser.</summary>
public sealed class SidecarDocumentTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Face_boxes_read_back_upright_for_every_orientation(int orientation)
    {
        var region = SidecarRegion.FromUpright("Ann", 0.1, 0.2, 0.3, 0.15, orientation);
        var xml = XmpSidecarDocument.Merge(null, new SidecarContent([], [], [region], ["Ann"], [], 4000, 3000));
        var read = XmpMetadataParser.Parse(xml, new ExtractedMetadata { Orientation = orientation, Width = 4000, Height = 3000 });
        var face = read.Faces.ShouldHaveSingleItem();
        face.Name.ShouldBe("Ann");
        face.X.ShouldBe(0.1, 1e-6);
        face.Y.ShouldBe(0.2, 1e-6);
        face.Width.ShouldBe(0.3, 1e-6);
        face.Height.ShouldBe(0.15, 1e-6);
    }

    [Fact]
    public void Written_lists_read_back_exactly_and_empty_lists_are_stated()
    {
        var xml = XmpSidecarDocument.Merge(null, new SidecarContent(["Beach", "Zoë"], ["Places|France|Paris"], [], [], ["Trip"], null, null));
        var read = XmpMetadataParser.Parse(xml);
        read.Keywords.ShouldBe(["Beach", "Zoë"]);
        read.HierarchicalKeywords.ShouldBe(["Places|France|Paris"]);
        read.FacesStated.ShouldBeTrue();

        var emptied = XmpSidecarDocument.Merge(xml, new SidecarContent([], [], [], [], [], null, null));
        var again = XmpMetadataParser.Parse(emptied);
        again.Keywords.ShouldBeEmpty();
        again.KeywordsStated.ShouldBeTrue();
        again.HierarchicalKeywordsStated.ShouldBeTrue();
        emptied.ShouldNotContain("Trip");
        XmpSidecarDocument.Merge(emptied, new SidecarContent([], [], [], [], [], null, null)).ShouldBe(emptied);
    }

    [Fact]
    public void A_sidecar_with_a_dtd_or_without_rdf_is_refused()
    {
        const string Dtd = """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x:xmpmeta xmlns:x="adobe:ns:meta/">&e;</x:xmpmeta>""";
        Should.Throw<XmlException>(() => XmpSidecarDocument.Merge(Dtd, new SidecarContent(["a"], [], [], [], [], null, null)));
        Should.Throw<XmlException>(() => XmpSidecarDocument.Merge("<html/>", new SidecarContent(["a"], [], [], [], [], null, null)));
    }

    [Fact]
    public void Photo_xmp_is_used_only_when_it_belongs_to_one_file()
    {
        var dir = Directory.CreateTempSubdirectory("fp-sidecar-paths-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.jpg"), "x");
            SidecarPaths.Choose(Path.Combine(dir, "a.jpg")).ShouldBe(Path.Combine(dir, "a.jpg.xmp"));
            File.WriteAllText(Path.Combine(dir, "a.xmp"), "x");
            SidecarPaths.Choose(Path.Combine(dir, "a.jpg")).ShouldBe(Path.Combine(dir, "a.xmp"));
            File.WriteAllText(Path.Combine(dir, "a.CR2"), "x");
            SidecarPaths.Choose(Path.Combine(dir, "a.jpg")).ShouldBe(Path.Combine(dir, "a.jpg.xmp"));
            File.WriteAllText(Path.Combine(dir, "a.CR2.XMP"), "x");
            SidecarPaths.Choose(Path.Combine(dir, "a.CR2")).ShouldBe(Path.Combine(dir, "a.CR2.XMP"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
