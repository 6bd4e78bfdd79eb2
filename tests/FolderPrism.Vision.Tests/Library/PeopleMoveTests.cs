using System.Text.Json.Nodes;
using FolderPrism.Vision.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Vision.Tests.Library;

/// <summary>
/// MOVE of a photo from an <c>Unknown N</c> folder into a person folder (what rclone does, file by file, when a folder
/// is moved onto an existing name), with the real models: the face that was in the cluster goes to the person, the
/// cluster remembers it left, and the request succeeds even though the cluster folder drops below the threshold
/// (it used to answer 409 after making the change), and the rest of that folder can still be moved after it left the
/// listing (it used to answer 404). Moving into an <c>Unknown N</c> folder is refused unchanged.
/// </summary>
public sealed class PeopleMoveTests(InstalledModelsFixture models) : IClassFixture<InstalledModelsFixture>, IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task Moving_a_photo_from_a_cluster_into_a_person_names_that_face()
    {
        var (library, data, _) = ThreeFacesLibrary.Create(_temp);
        ModelStores.Merge(data, models.Store);
        var ct = DaemonWait.Timeout;

        await using var daemon = await VisionDaemon.StartAsync(library, data, VisionDaemon.FastWorker(), ct);
        await DaemonWait.ForAsync(daemon.Contexts, async db => await db.VisionStates.CountAsync(ct) == 3
            && await db.Faces.CountAsync(f => f.ClusterId != null, ct) == 9, "analysis and clustering");
        (await DavListing.SendAsync(daemon.Http, "MKCOL", "/People/Dave/", ct)).ShouldBe(201);
        var photo = (await DavListing.ListAsync(daemon.Http, "/People/Unknown 2/", ct)).Single(n => n.EndsWith("a-original.jpg", StringComparison.Ordinal));
        (await DavListing.SendAsync(daemon.Http, "MOVE", "/People/Unknown 2/" + photo, ct, "/People/Unknown 3/" + photo)).ShouldBe(403);
        (await DavListing.SendAsync(daemon.Http, "MOVE", "/People/Unknown 2/" + photo, ct, "/People/Dave/" + photo)).ShouldBe(201);

        (await DavListing.ListAsync(daemon.Http, "/People/Dave/", ct)).ShouldBe([photo]);
        (await DavListing.ListAsync(daemon.Http, "/People/", ct)).ShouldNotContain("Unknown 2/"); // two faces left: below MinFaces
        var list = await CliRun.RunAsync("faces", "list", "--json", "--library", library, "--data", data);
        list.Code.ShouldBe(0, list.Error);
        var faces = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var dave = faces.Single(f => f["person"] is JsonValue v && v.TryGetValue<string>(out var who) && who == "Dave");
        dave["path"]!.GetValue<string>().ShouldBe("2020/a-original.jpg");
        dave["source"]!.GetValue<string>().ShouldBe("detected");
        dave["box"]!.AsArray().Count.ShouldBe(4);
        faces.Count.ShouldBe(9); // no whole-photo Dave besides

        // rclone moving "Unknown 2" onto an existing name goes on file by file: the unlisted folder still resolves.
        var rest = await DavListing.ListAsync(daemon.Http, "/People/Unknown 2/", ct);
        rest.Count.ShouldBe(2);
        foreach (var name in rest)
        {
            (await DavListing.SendAsync(daemon.Http, "MOVE", "/People/Unknown 2/" + name, ct, "/People/Dave/" + name)).ShouldBe(201);
        }

        (await DavListing.ListAsync(daemon.Http, "/People/Dave/", ct)).Count.ShouldBe(3);
        (await DavListing.SendAsync(daemon.Http, "GET", "/People/Unknown 2/", ct)).ShouldBe(404); // no face left
        (await DavListing.SendAsync(daemon.Http, "GET", "/People/Unknown 02/", ct)).ShouldBe(404); // canonical name only
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
