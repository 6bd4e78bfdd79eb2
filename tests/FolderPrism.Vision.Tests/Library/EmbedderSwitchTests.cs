using FolderPrism.Core.Library;
using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Library;
using FolderPrism.Vision.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Vision.Tests.Library;

/// <summary>
/// Switching <c>Vision:Embedder</c> with the real models in the real daemon: faces analysed with faceres are embedded
/// again with face_recognition in the background (and back), keeping every face row, box, source, person, cluster and
/// rejection; afterwards clustering works on the new descriptors (a new photo's faces join the named person and the
/// existing clusters).
/// </summary>
public sealed class EmbedderSwitchTests(InstalledModelsFixture models, FaceRecognitionModelsFixture faceRecognition)
    : IClassFixture<InstalledModelsFixture>, IClassFixture<FaceRecognitionModelsFixture>, IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task Switching_embedder_re_embeds_old_faces_keeping_people_and_rejections()
    {
        var (library, data, originals) = ThreeFacesLibrary.Create(_temp);
        ModelStores.Merge(data, models.Store, faceRecognition.Store);
        var ct = DaemonWait.Timeout;

        // 1. faceres: three clusters; one named Alice, her mirrored face removed from her (a remembered rejection).
        List<FaceSnapshot> before;
        await using (var daemon = await VisionDaemon.StartAsync(library, data, Settings(FaceEmbedderNames.FaceRes), ct))
        {
            await DaemonWait.ForAsync(daemon.Contexts, async db => await db.VisionStates.CountAsync(ct) == 3
                && await db.Faces.CountAsync(f => f.ClusterId != null, ct) == 9, "faceres analysis and clustering");
            (await DavListing.SendAsync(daemon.Http, "MOVE", "/People/Unknown 1", ct, "/People/Alice")).ShouldBe(201);
            var alice = await DavListing.ListAsync(daemon.Http, "/People/Alice/", ct);
            alice.Count.ShouldBe(3);
            (await DavListing.SendAsync(daemon.Http, "DELETE", "/People/Alice/" + alice.Single(n => n.EndsWith("b-mirrored.jpg", StringComparison.Ordinal)), ct)).ShouldBe(204);
            before = await SnapshotAsync(daemon, ct);
            before.Count.ShouldBe(9);
            before.ShouldAllBe(f => f.Bytes == DescriptorRefresher.DescriptorBytes(FaceEmbedderNames.FaceRes));
            before.Count(f => f.Person == "Alice").ShouldBe(2);
            before.Count(f => f.Rejections != null).ShouldBe(1);
        }

        // 2. face_recognition: every face gets a 128-d descriptor in the background; nothing else about it changes.
        await using (var daemon = await VisionDaemon.StartAsync(library, data, Settings(FaceEmbedderNames.FaceRecognition), ct))
        {
            var bytes = DescriptorRefresher.DescriptorBytes(FaceEmbedderNames.FaceRecognition);
            await DaemonWait.ForAsync(daemon.Contexts, async db => await db.Faces.AllAsync(f => f.Embedding != null && f.Embedding.Length == bytes, ct),
                "re-embedding with face_recognition");
            var after = await SnapshotAsync(daemon, ct);
            after.Select(f => f with { Bytes = 0, Clusterable = false }).ShouldBe(before.Select(f => f with { Bytes = 0, Clusterable = false }));
            after.Count(f => f.Clusterable).ShouldBeGreaterThanOrEqualTo(8);

            // Clustering now runs on the new descriptors: a downscaled copy's men join Alice and the two clusters.
            ImageVariants.Downscaled(SamplePhotos.ThreeFaces, Path.Combine(originals, "d-small.jpg"), 0.8);
            await DaemonWait.ForAsync(daemon.Contexts, async db => await db.VisionStates.CountAsync(ct) == 4
                && await db.Faces.CountAsync(f => db.MediaItems.Any(i => i.Id == f.ItemId && i.RelativePath == "2020/d-small.jpg") && (f.PersonId != null || f.ClusterId != null), ct) == 3,
                "the new photo's faces placed");
            var placed = await SnapshotAsync(daemon, ct);
            var small = placed.Where(f => f.Path == "2020/d-small.jpg").ToList();
            small.Count(f => f.Person == "Alice").ShouldBe(1);
            var clusters = before.Where(f => f.ClusterId is not null).Select(f => f.ClusterId).Distinct().Order().ToList();
            clusters.Count.ShouldBe(2);
            small.Where(f => f.ClusterId is not null).Select(f => f.ClusterId).Order().ShouldBe(clusters);
            (await DavListing.ListAsync(daemon.Http, "/People/", ct)).Order().ShouldBe(["Alice/", "Unknown 2/", "Unknown 3/"]);
        }

        // 3. Back to faceres: 1024-d descriptors again, people and rejection still as the user left them.
        await using (var daemon = await VisionDaemon.StartAsync(library, data, Settings(FaceEmbedderNames.FaceRes), ct))
        {
            var bytes = DescriptorRefresher.DescriptorBytes(FaceEmbedderNames.FaceRes);
            await DaemonWait.ForAsync(daemon.Contexts, async db => await db.Faces.AllAsync(f => f.Embedding != null && f.Embedding.Length == bytes, ct),
                "re-embedding with faceres");
            var back = await SnapshotAsync(daemon, ct);
            back.Where(f => f.Path != "2020/d-small.jpg").Select(f => f with { Bytes = 0, Clusterable = false })
                .ShouldBe(before.Select(f => f with { Bytes = 0, Clusterable = false }));
            back.Count(f => f.Person == "Alice").ShouldBe(3);
        }
    }

    private static Dictionary<string, string?> Settings(string embedder)
    {
        var settings = VisionDaemon.FastWorker();
        settings["Vision:Embedder"] = embedder;
        return settings;
    }

    private static async Task<List<FaceSnapshot>> SnapshotAsync(VisionDaemon daemon, CancellationToken ct)
    {
        await using var db = await daemon.Contexts.CreateDbContextAsync(ct);
        var rows = await db.Faces.AsNoTracking().OrderBy(f => f.Id)
            .Select(f => new { f.Id, RelativePath = db.MediaItems.Where(i => i.Id == f.ItemId).Select(i => i.RelativePath).First(), f.X, f.Y, f.Width, f.Height, f.Source, Person = f.Person == null ? null : f.Person.Name, f.ClusterId, f.Rejections, f.Embedding, f.Clusterable })
            .ToListAsync(ct);
        return rows.Select(f => new FaceSnapshot(f.Id, f.RelativePath, $"{f.X:F6} {f.Y:F6} {f.Width:F6} {f.Height:F6}", f.Source, f.Person, f.ClusterId, f.Rejections,
            f.Embedding?.Length ?? 0, f.Clusterable)).ToList();
    }

    private sealed record FaceSnapshot(long Id, string Path, string Box, AssociationSource Source, string? Person, long? ClusterId, string? Rejections, int Bytes, bool Clusterable);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
