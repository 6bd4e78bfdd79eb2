using System.Net;
using System.Text;
using static FolderPrism.Views.Tests.SidecarTestFiles;

namespace FolderPrism.Views.Tests;

/// <summary>
/// Tags, people and albums organised through real HTTP end up in XMP sidecars that exiftool reads, and the real indexer
/// re-reading those sidecars keeps the associations as they are (no duplicates, nothing removed comes back).
/// </summary>
public sealed class XmpSidecarTests
{
    private const string Name = "2019-06-21 12.00.00 IMG_1.JPG";

    private static (string, string) Destination(ViewsHost host, string path) =>
        ("Destination", new Uri(host.Http.BaseAddress!, ViewsHost.Href(path)).AbsoluteUri);

    [Fact]
    public async Task Added_and_removed_tags_people_albums_reach_the_sidecar_and_survive_reindexing()
    {
        await using var host = await ViewsHost.StartAsync(extra: SidecarsOn);
        var original = Path.Combine(host.Originals, "2019", "IMG_1.JPG");
        await MakeJpegAsync(original, "Embedded");
        var bytes = await File.ReadAllBytesAsync(original);
        var item = await WaitAnalysedAsync(host, "2019/IMG_1.JPG");
        (await AssociationsAsync(host, item.Id)).Tags.ShouldBe(["Embedded"]);

        foreach (var folder in new[] { "/Tags/Beach", "/Tags/Places", "/Tags/Places/Paris", "/Albums/Trip 2019", "/People/Zoë Alice" })
        {
            (await host.SendAsync("MKCOL", folder)).StatusCode.ShouldBe(HttpStatusCode.Created, folder);
        }

        foreach (var folder in new[] { "/Tags/Beach/", "/Tags/Places/Paris/", "/Albums/Trip 2019/", "/People/Zoë Alice/" })
        {
            (await host.SendAsync("COPY", "/Originals/2019/IMG_1.JPG", Destination(host, folder + "IMG_1.JPG"))).StatusCode
                .ShouldBe(HttpStatusCode.Created, folder);
        }

        await WhenSidecarsWrittenAsync(host);
        var sidecar = original + ".xmp";
        var xmp = await ExifToolXmpAsync(sidecar);
        Values(xmp, "Subject").ShouldBe(["Beach", "Embedded"]);
        Values(xmp, "HierarchicalSubject").ShouldBe(["Places|Paris"]);
        Values(xmp, "PersonInImage").ShouldBe(["Zoë Alice"]);
        Values(xmp, "Albums").ShouldBe(["Trip 2019"]);

        await ReindexAsync(host, item);
        var (tags, faces, albums) = await AssociationsAsync(host, item.Id);
        tags.ShouldBe(["Beach", "Embedded", "Places|Paris"]);
        faces.ShouldBe(["Zoë Alice"]);
        albums.ShouldBe(["Trip 2019"]);
        (await host.ListAsync("/Tags/Beach/")).ShouldBe([Name]);

        // Remove everything, including the keyword embedded in the original: the sidecar states the empty lists.
        foreach (var file in new[] { "/Tags/Beach/", "/Tags/Embedded/", "/Albums/Trip 2019/", "/People/Zoë Alice/" })
        {
            (await host.SendAsync("DELETE", file + Name)).StatusCode.ShouldBe(HttpStatusCode.NoContent, file);
        }

        await WhenSidecarsWrittenAsync(host);
        xmp = await ExifToolXmpAsync(sidecar);
        Values(xmp, "Subject").ShouldBeEmpty();
        Values(xmp, "HierarchicalSubject").ShouldBe(["Places|Paris"]);
        Values(xmp, "PersonInImage").ShouldBeEmpty();
        Values(xmp, "Albums").ShouldBeEmpty();

        await ReindexAsync(host, item);
        (tags, faces, albums) = await AssociationsAsync(host, item.Id);
        tags.ShouldBe(["Places|Paris"]);
        faces.ShouldBeEmpty();
        albums.ShouldBeEmpty();
        (await host.ListAsync("/Tags/Embedded/")).ShouldBeEmpty();

        // Deleting a tag folder rewrites the sidecars of its photos too; the original never changed.
        (await host.SendAsync("DELETE", "/Tags/Places")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await WhenSidecarsWrittenAsync(host);
        Values(await ExifToolXmpAsync(sidecar), "HierarchicalSubject").ShouldBeEmpty();
        (await File.ReadAllBytesAsync(original)).ShouldBe(bytes);
    }

    [Fact]
    public async Task An_existing_sidecar_keeps_its_other_properties_and_its_face_boxes()
    {
        await using var host = await ViewsHost.StartAsync(extra: SidecarsOn);
        var original = Path.Combine(host.Originals, "2019", "IMG_1.JPG");
        var sidecar = original + ".xmp";
        Directory.CreateDirectory(Path.GetDirectoryName(original)!);
        await File.WriteAllTextAsync(sidecar, ForeignSidecar, new UTF8Encoding(false));
        await MakeJpegAsync(original);
        var item = await WaitAnalysedAsync(host, "2019/IMG_1.JPG");
        var before = await AssociationsAsync(host, item.Id);
        before.Tags.ShouldBe(["Old"]);
        before.Faces.ShouldBe(["Bob"]);

        (await host.SendAsync("MKCOL", "/Tags/Beach")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.SendAsync("COPY", "/Originals/2019/IMG_1.JPG", Destination(host, "/Tags/Beach/IMG_1.JPG"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await WhenSidecarsWrittenAsync(host);

        var xmp = await ExifToolXmpAsync(sidecar);
        xmp.GetProperty("Rating").GetInt32().ShouldBe(3);
        xmp.GetProperty("Title").GetString().ShouldBe("Sunset");
        xmp.GetProperty("City").GetString().ShouldBe("Paris");
        xmp.GetProperty("Label").GetString().ShouldBe("Red");
        Values(xmp, "Subject").ShouldBe(["Beach", "Old"]);
        Values(xmp, "RegionName").ShouldBe(["Bob"]);
        Values(xmp, "RegionAreaX").ShouldBe(["0.3"]);

        await ReindexAsync(host, item);
        var after = await AssociationsAsync(host, item.Id);
        after.Tags.ShouldBe(["Beach", "Old"]);
        after.Faces.ShouldBe(["Bob"]);
    }

    [Fact]
    public async Task With_the_option_off_no_sidecar_is_written()
    {
        await using var host = await ViewsHost.StartAsync(extra: new Dictionary<string, string?> { ["Views:WriteXmpSidecars"] = "false" });
        var original = Path.Combine(host.Originals, "2019", "IMG_1.JPG");
        await MakeJpegAsync(original);
        await WaitAnalysedAsync(host, "2019/IMG_1.JPG");
        (await host.SendAsync("MKCOL", "/Tags/Beach")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.SendAsync("COPY", "/Originals/2019/IMG_1.JPG", Destination(host, "/Tags/Beach/IMG_1.JPG"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await WhenSidecarsWrittenAsync(host);
        (await host.ListAsync("/Tags/Beach/")).ShouldBe([Name]);
        Directory.GetFiles(Path.GetDirectoryName(original)!).Select(Path.GetFileName).ShouldBe(["IMG_1.JPG"]);
    }

    /// <summary>A sidecar as another program left it: rating, title, city, colour label, a keyword and Bob's face box.</summary>
    private const string ForeignSidecar = """
        <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Other Tool 1.0">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
              xmp:Rating="3" xmp:Label="Red" photoshop:City="Paris">
           <dc:title xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Alt><rdf:li xml:lang="x-default">Sunset</rdf:li></rdf:Alt></dc:title>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
              xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/" xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#">
           <dc:subject><rdf:Bag><rdf:li>Old</rdf:li></rdf:Bag></dc:subject>
           <mwg-rs:Regions rdf:parseType="Resource">
            <mwg-rs:RegionList><rdf:Bag><rdf:li><rdf:Description mwg-rs:Name="Bob" mwg-rs:Type="Face">
             <mwg-rs:Area stArea:x="0.3" stArea:y="0.4" stArea:w="0.2" stArea:h="0.25" stArea:unit="normalized"/>
            </rdf:Description></rdf:li></rdf:Bag></mwg-rs:RegionList>
           </mwg-rs:Regions>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>
        """;
}
