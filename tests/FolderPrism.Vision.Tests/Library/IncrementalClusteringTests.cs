using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Core.Users;
using FolderPrism.Data;
using FolderPrism.Data.Users;
using FolderPrism.Host;
using FolderPrism.Vision.Library;
using FolderPrism.Vision.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Vision.Tests.Library;

/// <summary>
/// Incremental clustering against the real daemon's SQLite (made-up descriptors for a few people, no models):
/// cluster ids stay put across runs, a new face of a known cluster or named person joins it, only the remainder forms
/// new clusters, and the work of a run (descriptors read, distances computed) does not grow with faces already placed.
/// </summary>
public sealed class IncrementalClusteringTests : IAsyncLifetime
{
    private readonly TempDir _temp = new();
    private readonly Random _random = new(11);
    private VisionDaemon _daemon = null!;
    private int _photos;

    private HttpClient Http => _daemon.Http;

    private IDbContextFactory<FolderPrismDbContext> Contexts => _daemon.Contexts;

    private PeopleClusteringRun Clustering => _daemon.App.Services.GetRequiredService<PeopleClusteringRun>();

    public async Task InitializeAsync() => _daemon = await VisionDaemon.StartAsync(_temp.File("library"), _temp.File("data"), new Dictionary<string, string?>
    {
        ["Vision:Clustering:Exemplars"] = "4",
        // Rows only (no files): nothing for the watcher or a reconcile to index behind the test's back.
        ["Indexing:StartupReconcileDelay"] = "1.00:00:00",
    }, CancellationToken.None);

    [Fact]
    public async Task Runs_place_only_new_faces_keep_cluster_ids_and_cost_what_is_new()
    {
        var (ann, bob, cy) = (Unit(), Unit(), Unit());
        for (var p = 0; p < 6; p++)
        {
            await AddPhotoAsync(Near(ann), Near(bob));
        }

        var first = await Clustering.RunAsync(full: false, CancellationToken.None);
        first.Considered.ShouldBe(12);
        first.Changed.ShouldBe(12);
        var clusters = await ClustersAsync();
        clusters.Values.Distinct().Count().ShouldBe(2);

        // Nothing new: nothing to do.
        (await Clustering.RunAsync(full: false, CancellationToken.None)).ShouldBe(new ClusteringReport(false, 0, 0, 0, 0));

        // A new photo of Ann joins Ann's cluster; nobody else moves.
        var newcomer = await AddPhotoAsync(Near(ann));
        var small = await Clustering.RunAsync(full: false, CancellationToken.None);
        small.Considered.ShouldBe(1);
        var after = await ClustersAsync();
        after.Where(kv => clusters.ContainsKey(kv.Key)).ShouldBe(clusters, ignoreOrder: true);
        var annCluster = after[(await FaceIdsAsync(newcomer)).Single()];
        annCluster.ShouldBe(clusters[(await FaceIdsAsync((await PhotoIdsAsync())[0]))[0]]);

        // 60 more photos of both join their clusters; then one more new face costs exactly what it cost before.
        for (var p = 0; p < 30; p++)
        {
            await AddPhotoAsync(Near(ann), Near(bob));
        }

        (await Clustering.RunAsync(full: false, CancellationToken.None)).Changed.ShouldBe(60);
        (await ClustersAsync()).Values.Distinct().Count().ShouldBe(2);
        var late = await AddPhotoAsync(Near(bob));
        var large = await Clustering.RunAsync(full: false, CancellationToken.None);
        large.Considered.ShouldBe(small.Considered);
        large.DescriptorsRead.ShouldBe(small.DescriptorsRead); // 1 new face + 4 exemplars of each of the 2 clusters
        large.Comparisons.ShouldBe(small.Comparisons);
        (await ClustersAsync())[(await FaceIdsAsync(late)).Single()].ShouldNotBe(annCluster);

        // Naming a cluster: a new face of that person joins the name. A new person becomes a new cluster with a fresh id.
        (await SendAsync(new HttpMethod("MOVE"), $"/People/Unknown {annCluster}", ("Destination", new Uri(Http.BaseAddress!, "/People/Ann").ToString())))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var named = await AddPhotoAsync(Near(ann));
        var strangers = new List<Guid>();
        for (var p = 0; p < 3; p++)
        {
            strangers.Add(await AddPhotoAsync(Near(cy)));
        }

        (await Clustering.RunAsync(full: false, CancellationToken.None)).Considered.ShouldBe(4);
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            (await db.Faces.Include(f => f.Person).SingleAsync(f => f.ItemId == named)).Person!.Name.ShouldBe("Ann");
            var cyClusters = await db.Faces.Where(f => strangers.Contains(f.ItemId)).Select(f => f.ClusterId).Distinct().ToListAsync();
            cyClusters.ShouldHaveSingleItem().ShouldBe(Math.Max(clusters.Values.Max(), 0) + 1);
        }

        // A full re-clustering keeps every id and name.
        var before = await ClustersAsync();
        var full = await Clustering.RunAsync(full: true, CancellationToken.None);
        full.Full.ShouldBeTrue();
        full.Changed.ShouldBe(0);
        (await ClustersAsync()).ShouldBe(before, ignoreOrder: true);
    }

    /// <summary>Face id → cluster id of every unnamed clustered face.</summary>
    private async Task<Dictionary<long, long>> ClustersAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Faces.Where(f => f.ClusterId != null && f.PersonId == null).ToDictionaryAsync(f => f.Id, f => f.ClusterId!.Value);
    }

    private async Task<List<long>> FaceIdsAsync(Guid item)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Faces.Where(f => f.ItemId == item).OrderBy(f => f.Id).Select(f => f.Id).ToListAsync();
    }

    private async Task<List<Guid>> PhotoIdsAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.MediaItems.OrderBy(i => i.RelativePath).Select(i => i.Id).ToListAsync();
    }

    private async Task<Guid> AddPhotoAsync(params float[][] faces)
    {
        var n = _photos++;
        var path = $"2021/IMG_{n:D4}.JPG";
        var bytes = Encoding.UTF8.GetBytes($"photo {path} {Guid.NewGuid()}");
        await using var db = await Contexts.CreateDbContextAsync();
        var item = new MediaItem
        {
            Id = Guid.NewGuid(), RelativePath = path, Size = bytes.Length, ModifiedUtc = DateTime.UtcNow,
            ContentHash = Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(bytes)), Kind = MediaKind.Image,
            TakenLocal = new DateTime(2021, 1, 1, 12, 0, 0).AddMinutes(n), TakenSource = DateSource.Exif,
            FirstSeenAt = DateTimeOffset.UtcNow, AnalyzedAt = DateTimeOffset.UtcNow,
        };
        db.MediaItems.Add(item);
        for (var i = 0; i < faces.Length; i++)
        {
            db.Faces.Add(new Face
            {
                ItemId = item.Id, X = 0.1 + (0.4 * i), Y = 0.2, Width = 0.2, Height = 0.3, ImageWidth = 1000, ImageHeight = 800,
                Source = AssociationSource.Recognition, Origin = VisionProcessor.DetectorOrigin, Score = 0.95,
                Embedding = FaceRecords.EncodeVector(faces[i]), Clusterable = true,
            });
        }

        await db.SaveChangesAsync();
        return item.Id;
    }

    private float[] Unit() => Normalise(Enumerable.Range(0, 256).Select(_ => (float)(_random.NextDouble() - 0.5)).ToArray());

    private float[] Near(float[] v) => Normalise(v.Select(x => x + (float)((_random.NextDouble() - 0.5) * 0.02)).ToArray());

    private static float[] Normalise(float[] v)
    {
        var norm = (float)Math.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, string.Join('/', path.Split('/').Select(Uri.EscapeDataString)));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Http.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        _temp.Dispose();
    }
}
