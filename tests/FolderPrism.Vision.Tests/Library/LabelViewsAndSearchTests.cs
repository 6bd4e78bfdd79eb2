using FolderPrism.Vision.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Vision.Tests.Library;

/// <summary>
/// Machine labels as a user meets them over WebDAV, with the real models in the real daemon, on a real group photo
/// (@vladmandic/face-api's demo sample1.jpg: people, wine glasses, a tie): <c>Labels/&lt;label&gt;/</c> lists it,
/// <c>Search/</c> finds it by label, by synonym (<c>women</c> → person, <c>glass</c> → wine glass) and by a word of a
/// two-word label (<c>wine glass</c>); deleting it from a label folder rejects that label for good; COPY of the group
/// photo into <c>People/Zoe</c> records Zoe without a box (<c>faces list</c>: box null); and once vision
/// is idle the model sessions are released.
/// </summary>
public sealed class LabelViewsAndSearchTests(InstalledModelsFixture models) : IClassFixture<InstalledModelsFixture>, IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task Labels_view_search_synonyms_rejection_and_idle_release()
    {
        var library = _temp.File("library");
        var data = _temp.File("data");
        var originals = Path.Combine(library, "Originals", "2021");
        Directory.CreateDirectory(originals);
        File.Copy(Path.Combine(RepoPaths.NodeModules, "@vladmandic", "face-api", "demo", "sample1.jpg"), Path.Combine(originals, "party.jpg"));
        ModelStores.Merge(data, models.Store);
        var ct = DaemonWait.Timeout;
        var settings = VisionDaemon.FastWorker();
        settings["Vision:IdleRelease"] = "00:00:01";
        settings["Vision:Objects:InputSize"] = "512"; // the default 384 finds only the people in this photo, not the glasses

        await using var daemon = await VisionDaemon.StartAsync(library, data, settings, ct);
        await DaemonWait.ForAsync(daemon.Contexts, async db => await db.VisionStates.CountAsync(ct) == 1, "analysis");
        await using (var db = await daemon.Contexts.CreateDbContextAsync(ct))
        {
            (await db.Labels.Select(l => l.Name).ToListAsync(ct)).ShouldContain("wine glass");
        }

        async Task<int> Found(string path) => (await DavListing.ListAsync(daemon.Http, path, ct)).Count(n => n.EndsWith("party.jpg", StringComparison.Ordinal));
        (await DavListing.ListAsync(daemon.Http, "/Labels/", ct)).ShouldContain("wine glass/");
        (await Found("/Labels/wine glass/")).ShouldBe(1);
        (await Found("/Search/wine glass/")).ShouldBe(1);
        (await Found("/Search/glass/")).ShouldBe(1);
        (await Found("/Search/women/")).ShouldBe(1);
        (await Found("/Search/label:person/")).ShouldBe(1);
        (await Found("/Search/women glass/")).ShouldBe(1);
        (await Found("/Search/puppy/")).ShouldBe(0);
        (await Found("/Search/automobile/")).ShouldBe(0);

        // DELETE in a label folder rejects the label: gone from the view and from Search, the photo stays.
        var name = (await DavListing.ListAsync(daemon.Http, "/Labels/wine glass/", ct)).Single(n => n.EndsWith("party.jpg", StringComparison.Ordinal));
        (await DavListing.SendAsync(daemon.Http, "DELETE", "/Labels/wine glass/" + name, ct)).ShouldBe(204);
        (await DavListing.ListAsync(daemon.Http, "/Labels/", ct)).ShouldNotContain("wine glass/");
        (await Found("/Search/glass/")).ShouldBe(0);
        (await Found("/Search/label:wine glass/")).ShouldBe(0);
        (await Found("/Search/women/")).ShouldBe(1);
        File.Exists(Path.Combine(originals, "party.jpg")).ShouldBeTrue();
        await using (var db = await daemon.Contexts.CreateDbContextAsync(ct))
        {
            (await db.Labels.SingleAsync(l => l.Name == "wine glass", ct)).Rejected.ShouldBeTrue();
        }

        // COPY of this group photo into People/Zoe: several unassigned faces, so Zoe is recorded without a box.
        (await DavListing.SendAsync(daemon.Http, "MKCOL", "/People/Zoe/", ct)).ShouldBe(201);
        (await DavListing.SendAsync(daemon.Http, "COPY", "/Labels/person/" + name, ct, "/People/Zoe/" + name)).ShouldBe(201);
        (await Found("/People/Zoe/")).ShouldBe(1);
        var list = await CliRun.RunAsync("faces", "list", "--json", "--library", library, "--data", data);
        list.Code.ShouldBe(0, list.Error);
        var faces = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).ToList();
        var zoe = faces.Single(f => (string?)f["person"] == "Zoe");
        zoe["box"].ShouldBeNull();
        zoe["source"]!.GetValue<string>().ShouldBe("manual");
        faces.Count(f => (string?)f["source"] == "detected").ShouldBeGreaterThanOrEqualTo(3);
        faces.Where(f => (string?)f["source"] == "detected").ShouldAllBe(f => f["box"]!.AsArray().Count == 4 && f["person"] == null);

        // Idle: the releaser (checks once a minute) frees every model session.
        var sessions = daemon.App.Services.GetRequiredService<VisionSessions>();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (sessions.LoadedCount > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000, ct);
        }

        sessions.LoadedCount.ShouldBe(0);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
