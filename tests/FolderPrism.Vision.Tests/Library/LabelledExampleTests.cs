using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FolderPrism.Core.Library;
using FolderPrism.Core.Users;
using FolderPrism.Data;
using FolderPrism.Data.Users;
using FolderPrism.Host;
using FolderPrism.Vision.Converter.Install;
using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Imaging;
using FolderPrism.Vision.Library;
using FolderPrism.Vision.Models;
using FolderPrism.Vision.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Vision.Tests.Library;

/// <summary>
/// Faces named by people, not by detection, teach clustering who someone is — with the real models in the real daemon:
/// a digiKam/Lightroom-style XMP region (no descriptor) on one man of faces.jpg gains the descriptor of the detection it
/// overlaps and attracts that man's face in a mirrored copy; a box marked by hand through the browser endpoint is
/// embedded at once and attracts the mirrored face of another man at the next clustering run.
/// </summary>
public sealed class LabelledExampleTests(InstalledModelsFixture models) : IClassFixture<InstalledModelsFixture>, IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task Xmp_region_and_manual_box_gain_descriptors_and_attract_the_same_man_in_another_photo()
    {
        var library = _temp.File("library");
        var data = _temp.File("data");
        var originals = Path.Combine(library, "Originals", "2020");
        Directory.CreateDirectory(originals);
        var a = Path.Combine(originals, "a-original.jpg");
        File.Copy(SamplePhotos.ThreeFaces, a);
        ImageVariants.Mirrored(SamplePhotos.ThreeFaces, Path.Combine(originals, "b-mirrored.jpg"));

        // Where the detector sees the three men (600×346), left to right; the region and the hand-drawn box are a bit
        // larger and off-centre, as people draw them.
        using var sessions = new VisionSessions(models.Store);
        var men = new FaceDetector(sessions, new FaceDetectionOptions()).Detect(VisionImageLoader.Load(a), CancellationToken.None)
            .Select(f => f.Box).OrderBy(b => b.X).ToList();
        men.Count.ShouldBe(3);
        var (w, h) = (600.0, 346.0);
        FaceBox Drawn(FaceBox b) => new((b.X - (0.04 * b.Width)) / w, (b.Y - (0.02 * b.Height)) / h, b.Width * 1.1 / w, b.Height * 1.08 / h);
        var carol = Drawn(men[0]);
        await RunAsync("exiftool", "-q", "-o", a + ".xmp", string.Create(CultureInfo.InvariantCulture,
            $"-RegionInfo={{AppliedToDimensions={{W=600,H=346,Unit=pixel}},RegionList=[{{Area={{X={carol.CenterX},Y={carol.CenterY},W={carol.Width},H={carol.Height},Unit=normalized}},Name=Carol,Type=Face}}]}}"), a);
        await new VisionModelInstaller(ModelStore.ForDataDirectory(data)).InstallAsync(models.Store.Directory, null, Timeout);

        var daemon = await VisionDaemon.StartAsync(library, data, VisionDaemon.FastWorker(), Timeout);
        try
        {
            var (app, http, contexts) = (daemon.App, daemon.Http, daemon.Contexts);

            // The region gains the overlapping detection's descriptor (no fourth face), and the mirrored left man — now
            // on the right of b — is attracted to Carol.
            await WaitForAsync(contexts, async db => await db.Faces.CountAsync(f => f.Person!.Name == "Carol", Timeout) == 2);
            await using (var db = await contexts.CreateDbContextAsync(Timeout))
            {
                var facesOfA = await db.Faces.AsNoTracking().Include(f => f.Person).Where(f => f.ItemId == db.MediaItems.Single(i => i.RelativePath == "2020/a-original.jpg").Id).ToListAsync(Timeout);
                facesOfA.Count.ShouldBe(3);
                var region = facesOfA.Single(f => f.Source == AssociationSource.File);
                region.Person!.Name.ShouldBe("Carol");
                region.Embedding.ShouldNotBeNull();
                region.Clusterable.ShouldBeTrue();
                var attracted = await db.Faces.AsNoTracking().SingleAsync(f => f.Person!.Name == "Carol" && f.ItemId == db.MediaItems.Single(i => i.RelativePath == "2020/b-mirrored.jpg").Id, Timeout);
                attracted.Source.ShouldBe(AssociationSource.Recognition);
                (attracted.X + (attracted.Width / 2)).ShouldBe(1 - ((men[0].X + (men[0].Width / 2)) / w), 0.05);
            }

            // A box drawn by hand around the middle man of a, named Dan: embedded right away; the next run gives Dan
            // the middle man of b.
            var dan = Drawn(men[1]);
            DateTimeOffset? analyzedBefore;
            await using (var db = await contexts.CreateDbContextAsync(Timeout))
            {
                analyzedBefore = await db.MediaItems.Where(i => i.RelativePath == "2020/a-original.jpg").Select(i => i.AnalyzedAt).SingleAsync(Timeout);
            }

            using var response = await http.PostAsJsonAsync("/Originals/2020/a-original.jpg",
                new { name = "Dan", box = new[] { dan.X, dan.Y, dan.Width, dan.Height } }, Timeout);
            var body = await response.Content.ReadAsStringAsync(Timeout);
            ((int)response.StatusCode).ShouldBe(201, body);
            var marked = JsonDocument.Parse(body).RootElement;
            marked.GetProperty("embedded").GetBoolean().ShouldBeTrue();
            marked.GetProperty("box")[0].GetInt32().ShouldBeInRange((int)Math.Round(dan.X * w) - 1, (int)Math.Round(dan.X * w) + 1);

            await app.Services.GetRequiredService<PeopleClusteringRun>().RunAsync(Timeout);
            await WaitForAsync(contexts, async db => await db.Faces.CountAsync(f => f.Person!.Name == "Dan", Timeout) == 2);
            await using (var db = await contexts.CreateDbContextAsync(Timeout))
            {
                var danInB = await db.Faces.AsNoTracking().SingleAsync(f => f.Person!.Name == "Dan" && f.ItemId == db.MediaItems.Single(i => i.RelativePath == "2020/b-mirrored.jpg").Id, Timeout);
                (danInB.X + (danInB.Width / 2)).ShouldBe(1 - ((men[1].X + (men[1].Width / 2)) / w), 0.05);
                var manual = await db.Faces.AsNoTracking().SingleAsync(f => f.Person!.Name == "Dan" && f.ItemId == db.MediaItems.Single(i => i.RelativePath == "2020/a-original.jpg").Id, Timeout);
                manual.Source.ShouldBe(AssociationSource.User);
                manual.Embedding.ShouldNotBeNull();
            }

            // The sidecar now carries Dan's box as well; reading it back keeps three faces on a and Carol's descriptor.
            await WaitForAsync(contexts, async db =>
                File.ReadAllText(a + ".xmp").Contains("Dan", StringComparison.Ordinal)
                && await db.MediaItems.Where(i => i.RelativePath == "2020/a-original.jpg").Select(i => i.AnalyzedAt).SingleAsync(Timeout) != analyzedBefore
                && !await db.IndexJobs.AnyAsync(Timeout));
            await using (var db = await contexts.CreateDbContextAsync(Timeout))
            {
                var facesOfA = await db.Faces.AsNoTracking().Include(f => f.Person).Where(f => f.ItemId == db.MediaItems.Single(i => i.RelativePath == "2020/a-original.jpg").Id).ToListAsync(Timeout);
                facesOfA.Count.ShouldBe(3);
                facesOfA.Single(f => f.Person?.Name == "Carol").Embedding.ShouldNotBeNull();
            }
        }
        finally
        {
            await daemon.DisposeAsync();
        }
    }

    private static async Task RunAsync(string tool, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await error);
    }

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token;

    private static async Task WaitForAsync(IDbContextFactory<FolderPrismDbContext> contexts, Func<FolderPrismDbContext, Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            await using (var db = await contexts.CreateDbContextAsync(Timeout))
            {
                if (await condition(db))
                {
                    return;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the daemon did not get there within 5 minutes");
            }

            await Task.Delay(500);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
