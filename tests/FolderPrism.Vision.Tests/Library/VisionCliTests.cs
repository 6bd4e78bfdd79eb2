using System.Text.Json;
using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.Vision.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Vision.Tests.Library;

/// <summary>
/// The vision verbs end to end on a real library: status says vision is off, <c>models install --from</c> installs,
/// <c>index</c> + <c>faces run</c> find the three faces of faces.jpg and nothing on a landscape, <c>faces list --json</c>
/// prints them in upright pixels, and labels are stored.
/// </summary>
public sealed class VisionCliTests(InstalledModelsFixture models) : IClassFixture<InstalledModelsFixture>, IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task Models_install_faces_run_and_faces_list_json_work_on_a_real_library()
    {
        var library = _temp.File("library");
        var data = _temp.File("data");
        var originals = Path.Combine(library, "Originals", "2020");
        Directory.CreateDirectory(originals);
        File.Copy(SamplePhotos.ThreeFaces, Path.Combine(originals, "faces.jpg"));
        ImageVariants.Mirrored(SamplePhotos.ThreeFaces, Path.Combine(originals, "mirrored.jpg"));
        ImageVariants.Landscape(Path.Combine(originals, "landscape.jpg"), 3);
        string[] where = ["--library", library, "--data", data];

        var status = await CliRun.RunAsync(["status", .. where]);
        status.Out.ShouldContain("vision:   vision off: models not installed");
        var refused = await CliRun.RunAsync(["faces", "run", .. where]);
        refused.Code.ShouldBe(1);
        refused.Error.ShouldContain("run `folderprism models install`");

        var install = await CliRun.RunAsync(["models", "install", "--from", models.Store.Directory, .. where]);
        install.Code.ShouldBe(0, install.Error);
        install.Out.ShouldContain("vision on: 4 models");
        (await CliRun.RunAsync(["index", .. where])).Code.ShouldBe(0);
        (await CliRun.RunAsync(["status", .. where])).Out.ShouldContain("3 photos pending");

        var run = await CliRun.RunAsync(["faces", "run", .. where]);
        run.Code.ShouldBe(0, run.Error);
        run.Out.ShouldContain("photos analysed │     3");
        (await CliRun.RunAsync(["status", .. where])).Out.ShouldContain("0 photos pending");

        var list = await CliRun.RunAsync(["faces", "list", "--json", .. where]);
        list.Code.ShouldBe(0, list.Error);
        var faces = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        faces.Count.ShouldBe(6);
        faces.Select(f => f.GetProperty("path").GetString()).Distinct().Order().ShouldBe(["2020/faces.jpg", "2020/mirrored.jpg"]);
        foreach (var face in faces)
        {
            face.GetProperty("source").GetString().ShouldBe("detected");
            face.GetProperty("score").GetDouble().ShouldBeGreaterThan(0.5);
            var box = face.GetProperty("box").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            box.Length.ShouldBe(4);
            box[0].ShouldBeGreaterThanOrEqualTo(0);
            (box[0] + box[2]).ShouldBeLessThanOrEqualTo(600 + 2);
            (box[1] + box[3]).ShouldBeLessThanOrEqualTo(346 + 2);
            box[2].ShouldBeInRange(60, 160);
        }

        // The mirrored photo's faces sit where the original's are, mirrored about the vertical axis.
        var original = faces.Where(f => f.GetProperty("path").GetString() == "2020/faces.jpg").Select(Box).OrderBy(b => b[0]).ToList();
        var mirrored = faces.Where(f => f.GetProperty("path").GetString() == "2020/mirrored.jpg").Select(Box).OrderBy(b => -b[0]).ToList();
        for (var i = 0; i < 3; i++)
        {
            Math.Abs(600 - (mirrored[i][0] + mirrored[i][2]) - original[i][0]).ShouldBeLessThan(12);
            Math.Abs(mirrored[i][1] - original[i][1]).ShouldBeLessThan(12);
        }

        await using var db = Open(data);
        var labels = await db.Labels.AsNoTracking().Join(db.MediaItems, l => l.ItemId, i => i.Id, (l, i) => new { i.RelativePath, l.Name }).ToListAsync();
        labels.ShouldContain(l => l.RelativePath == "2020/faces.jpg" && l.Name == "person");
        labels.ShouldNotContain(l => l.RelativePath == "2020/landscape.jpg" && l.Name == "person");
        var stored = await db.Faces.AsNoTracking().Where(f => f.Source == AssociationSource.Recognition).ToListAsync();
        stored.ShouldAllBe(f => f.Embedding != null && f.Embedding.Length == 1024 * 4 && f.Landmarks != null && f.ImageWidth == 600);
        (await db.VisionStates.CountAsync()).ShouldBe(3);

        // Nothing is pending any more: a second run analyses nothing.
        (await CliRun.RunAsync(["faces", "run", .. where])).Out.ShouldContain("photos analysed │     0");
    }

    private static int[] Box(JsonElement face) => face.GetProperty("box").EnumerateArray().Select(v => v.GetInt32()).ToArray();

    private static FolderPrismDbContext Open(string data) =>
        new(new DbContextOptionsBuilder<FolderPrismDbContext>().UseSqlite($"Data Source={Path.Combine(data, "folderprism.db")}").Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
