using System.Text.Json.Nodes;
using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.Vision.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Vision.Tests.Library;

/// <summary>
/// Another program edits, in the XMP sidecar, the MWG regions FolderPrism wrote for DETECTED faces (real models, real
/// daemon, exiftool standing in for digiKam/Lightroom): a renamed region moves its face to that person (new or existing)
/// and remembers the old one as rejected; a region whose name is removed unassigns its face (rejected too); a removed
/// region removes the face. Regions nobody touched keep their faces as they were.
/// </summary>
public sealed class SidecarRegionEditTests(InstalledModelsFixture models) : IClassFixture<InstalledModelsFixture>, IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task Names_changed_or_removed_in_the_sidecar_reassign_unassign_or_remove_detected_faces()
    {
        var (library, data, originals) = ThreeFacesLibrary.Create(_temp);
        ModelStores.Merge(data, models.Store);
        var ct = DaemonWait.Timeout;

        await using var daemon = await VisionDaemon.StartAsync(library, data, VisionDaemon.FastWorker(), ct);
        var contexts = daemon.Contexts;
        await DaemonWait.ForAsync(contexts, async db => await db.VisionStates.CountAsync(ct) == 3
            && await db.Faces.CountAsync(f => f.ClusterId != null, ct) == 9, "analysis and clustering");
        (await DavListing.SendAsync(daemon.Http, "MOVE", "/People/Unknown 1", ct, "/People/Alice")).ShouldBe(201);
        string Sidecar(string name) => Path.Combine(originals, name + ".xmp");
        await DaemonWait.ForAsync(contexts, async db => new[] { "a-original.jpg", "b-mirrored.jpg", "c-bright.jpg" }
            .All(n => File.Exists(Sidecar(n)) && File.ReadAllText(Sidecar(n)).Contains("Alice", StringComparison.Ordinal))
            && await db.Faces.CountAsync(f => f.SidecarName == "Alice", ct) == 3 && !await db.IndexJobs.AnyAsync(ct), "sidecars written and read back");
        var before = await FacesAsync(contexts, ct);
        before.Count.ShouldBe(9);
        before.ShouldAllBe(f => f.Source == AssociationSource.Recognition);
        var aliceId = before.First(f => f.Person == "Alice").PersonId;

        // a: digiKam renames Alice's region to Bob (a new person).
        var aliceInA = before.Single(f => f.Path == "2020/a-original.jpg" && f.Person == "Alice");
        await EditRegionsAsync(Sidecar("a-original.jpg"), list =>
        {
            foreach (var region in list.Where(r => (string?)r!["Name"] == "Alice"))
            {
                region!["Name"] = "Bob";
            }
        });
        await DaemonWait.ForAsync(contexts, async db => await db.Faces.AnyAsync(f => f.Id == aliceInA.Id && f.Person!.Name == "Bob", ct), "rename picked up");

        // b: Alice's name removed from her region, and another man's unnamed region named Bob (the existing person).
        var aliceInB = before.Single(f => f.Path == "2020/b-mirrored.jpg" && f.Person == "Alice");
        await EditRegionsAsync(Sidecar("b-mirrored.jpg"), list =>
        {
            var other = list.First(r => r!["Name"] is null)!;
            list.Single(r => (string?)r!["Name"] == "Alice")!.AsObject().Remove("Name");
            other["Name"] = "Bob";
        });

        // c: Alice's region removed altogether.
        var aliceInC = before.Single(f => f.Path == "2020/c-bright.jpg" && f.Person == "Alice");
        await EditRegionsAsync(Sidecar("c-bright.jpg"), list => list.Remove(list.Single(r => (string?)r!["Name"] == "Alice")));
        await DaemonWait.ForAsync(contexts, async db => !await db.Faces.AnyAsync(f => f.Id == aliceInC.Id, ct)
            && await db.Faces.CountAsync(f => f.Person!.Name == "Bob", ct) == 2
            && await db.Faces.AnyAsync(f => f.Id == aliceInB.Id && f.PersonId == null, ct), "removals picked up");

        var after = await FacesAsync(contexts, ct);
        after.Count.ShouldBe(8);
        var bobA = after.Single(f => f.Id == aliceInA.Id);
        bobA.Person.ShouldBe("Bob");
        bobA.ClusterId.ShouldBeNull();
        bobA.Rejections.ShouldBe($"p{aliceId}");
        var unnamedB = after.Single(f => f.Id == aliceInB.Id);
        unnamedB.Person.ShouldBeNull();
        unnamedB.Rejections.ShouldBe($"p{aliceId}");
        var bobB = after.Single(f => f.Path == "2020/b-mirrored.jpg" && f.Person == "Bob");
        before.Single(f => f.Id == bobB.Id).Person.ShouldBeNull(); // was one of the unnamed men
        after.Count(f => f.Person == "Alice").ShouldBe(0);
        after.ShouldAllBe(f => f.Source == AssociationSource.Recognition); // no region became a second, file-sourced face

        // Untouched faces are exactly as before.
        foreach (var face in after.Where(f => f.Id != aliceInA.Id && f.Id != aliceInB.Id && f.Id != bobB.Id))
        {
            face.ShouldBe(before.Single(f => f.Id == face.Id) with { SidecarName = face.SidecarName });
        }

        (await DavListing.ListAsync(daemon.Http, "/People/Bob/", ct)).Count.ShouldBe(2);

        // A later full clustering run keeps the user's word (Bob's faces may attract more, Alice never gets hers back).
        await daemon.App.Services.GetRequiredService<FolderPrism.Vision.Library.PeopleClusteringRun>().RunAsync(full: true, ct);
        var reclustered = await FacesAsync(contexts, ct);
        reclustered.Single(f => f.Id == aliceInB.Id).Person.ShouldNotBe("Alice");
        reclustered.Single(f => f.Id == aliceInA.Id).Person.ShouldBe("Bob");
        reclustered.Single(f => f.Id == bobB.Id).Person.ShouldBe("Bob");
    }

    /// <summary>Rewrites the sidecar's MWG region list with exiftool (JSON round trip), as digiKam would edit it.</summary>
    private async Task EditRegionsAsync(string sidecar, Action<JsonArray> edit)
    {
        var json = JsonNode.Parse(await Tool.RunAsync("exiftool", "-j", "-struct", "-XMP-mwg-rs:RegionInfo", sidecar))!.AsArray();
        var list = json[0]!["RegionInfo"]!["RegionList"]!.AsArray();
        edit(list);
        var file = _temp.File(Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, json.ToJsonString());
        await Tool.RunAsync("exiftool", "-q", "-overwrite_original", "-j=" + file, sidecar);
    }

    private static async Task<List<FaceRow>> FacesAsync(IDbContextFactory<FolderPrismDbContext> contexts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Faces.AsNoTracking().OrderBy(f => f.Id)
            .Select(f => new FaceRow(f.Id, db.MediaItems.Where(i => i.Id == f.ItemId).Select(i => i.RelativePath).First(), f.X, f.Y, f.Width, f.Height,
                f.Source, f.PersonId, f.Person == null ? null : f.Person.Name, f.ClusterId, f.Rejections, f.SidecarName))
            .ToListAsync(ct);
    }

    private sealed record FaceRow(long Id, string Path, double X, double Y, double Width, double Height, AssociationSource Source,
        int? PersonId, string? Person, long? ClusterId, string? Rejections, string? SidecarName);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
