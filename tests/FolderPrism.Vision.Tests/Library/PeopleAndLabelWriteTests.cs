using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
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
/// People and label writes through real WebDAV against the real daemon and SQLite, with face descriptors made up
/// for two people (no models needed): clustering, cluster rejection, COPY assigning the single unassigned face,
/// attraction by a named person, and label rejection.
/// </summary>
public sealed class PeopleAndLabelWriteTests : IAsyncLifetime
{
    private readonly TempDir _temp = new();
    private VisionDaemon _daemon = null!;

    private HttpClient Http => _daemon.Http;

    private IDbContextFactory<FolderPrismDbContext> Contexts => _daemon.Contexts;

    // The test writes files and their rows itself: the watcher would index the same files behind its back.
    public async Task InitializeAsync() => _daemon = await VisionDaemon.StartAsync(_temp.File("library"), _temp.File("data"),
        new Dictionary<string, string?> { ["Indexing:EnableWatcher"] = "false", ["Indexing:StartupReconcileDelay"] = "1.00:00:00" }, CancellationToken.None);

    [Fact]
    public async Task Clusters_are_named_rejected_and_attract_new_faces()
    {
        var random = new Random(7);
        var (ann, bob) = (Unit(random), Unit(random));
        var photos = new List<Guid>();
        for (var p = 0; p < 4; p++)
        {
            photos.Add(await AddPhotoAsync($"2021/IMG_{p}.JPG", p, Near(ann, random), Near(bob, random)));
        }

        await RunClusteringAsync();
        (await ListAsync("/People/")).Order().ShouldBe(["Unknown 1/", "Unknown 2/"]);
        var unknown1 = await ListAsync("/People/Unknown 1/");
        unknown1.Count.ShouldBe(4);

        // Deleting a photo from an Unknown folder rejects that face from the cluster for good.
        (await SendAsync(HttpMethod.Delete, "/People/Unknown 1/" + unknown1[0])).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await RunClusteringAsync();
        (await ListAsync("/People/Unknown 1/")).ShouldNotContain(unknown1[0]);
        (await ListAsync("/People/Unknown 1/")).Count.ShouldBe(3);

        // Renaming names the person; a new photo of that person is attracted by the name.
        (await SendAsync(new HttpMethod("MOVE"), "/People/Unknown 2", ("Destination", new Uri(Http.BaseAddress!, "/People/Bea").ToString()))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var newcomer = await AddPhotoAsync("2021/IMG_9.JPG", 9, Near(bob, random), Near(ann, random));
        await RunClusteringAsync();
        (await ListAsync("/People/Bea/")).Count.ShouldBe(5);
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var faces = await db.Faces.AsNoTracking().Where(f => f.ItemId == newcomer).Include(f => f.Person).ToListAsync();
            faces.Count(f => f.Person?.Name == "Bea").ShouldBe(1); // never the same person twice in one photo
        }

        // COPY into a person assigns the photo's single unassigned face.
        var lone = await AddPhotoAsync("2021/IMG_10.JPG", 10, Unit(random));
        var loneName = (await ListAsync("/Timeline/2021/2021-01/")).Single(n => n.EndsWith("IMG_10.JPG", StringComparison.Ordinal));
        (await SendAsync(new HttpMethod("COPY"), "/Timeline/2021/2021-01/" + loneName, ("Destination", new Uri(Http.BaseAddress!, "/People/Bea/" + loneName).ToString())))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var face = await db.Faces.AsNoTracking().Include(f => f.Person).SingleAsync(f => f.ItemId == lone);
            face.Person!.Name.ShouldBe("Bea");
            face.Source.ShouldBe(AssociationSource.Recognition);
        }
    }

    [Fact]
    public async Task Deleting_a_photo_from_a_label_folder_rejects_the_label()
    {
        var item = await AddPhotoAsync("2021/DOG.JPG", 1);
        var other = await AddPhotoAsync("2021/CAT.JPG", 2);
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.Labels.Add(new Label { ItemId = item, Name = "dog", Score = 0.8, DetectedAt = DateTimeOffset.UtcNow });
            db.Labels.Add(new Label { ItemId = other, Name = "cat", Score = 0.7, DetectedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        (await ListAsync("/Labels/")).ShouldBe(["cat/", "dog/"]);
        var dog = (await ListAsync("/Labels/dog/")).Single();
        (await ListAsync("/Search/puppy/")).ShouldBe([dog]);
        (await ListAsync("/Search/label:cat/")).Count.ShouldBe(1);
        (await SendAsync(new HttpMethod("MKCOL"), "/Labels/tree")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await SendAsync(HttpMethod.Delete, "/Labels/dog/" + dog)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ListAsync("/Labels/")).ShouldBe(["cat/"]);
        (await ListAsync("/Search/puppy/")).ShouldBeEmpty();
        await using var check = await Contexts.CreateDbContextAsync();
        (await check.Labels.SingleAsync(l => l.ItemId == item)).Rejected.ShouldBeTrue();
    }

    private async Task RunClusteringAsync() => await _daemon.App.Services.GetRequiredService<PeopleClusteringRun>().RunAsync(CancellationToken.None);

    private async Task<Guid> AddPhotoAsync(string path, int n, params float[][] faces)
    {
        // A real file (views serve and check it) and its analysed row, as the indexer would write them.
        var full = Path.Combine(_temp.File("library"), "Originals", path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var bytes = Encoding.UTF8.GetBytes($"photo {path} {Guid.NewGuid()}");
        await File.WriteAllBytesAsync(full, bytes);
        var info = new FileInfo(full);
        await using var db = await Contexts.CreateDbContextAsync();
        var item = new MediaItem
        {
            Id = Guid.NewGuid(), RelativePath = path, Size = info.Length, ModifiedUtc = info.LastWriteTimeUtc,
            ContentHash = Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(bytes)), Kind = MediaKind.Image, TakenLocal = new DateTime(2021, 1, 1 + n, 12, 0, 0),
            TakenSource = DateSource.Exif, FirstSeenAt = DateTimeOffset.UtcNow, AnalyzedAt = DateTimeOffset.UtcNow,
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

    private static float[] Unit(Random random) => Normalise(Enumerable.Range(0, 1024).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray());

    private static float[] Near(float[] v, Random random) => Normalise(v.Select(x => x + (float)((random.NextDouble() - 0.5) * 0.02)).ToArray());

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

    private async Task<List<string>> ListAsync(string path)
    {
        var request = new HttpRequestMessage(new HttpMethod("PROPFIND"), string.Join('/', path.Split('/').Select(Uri.EscapeDataString)));
        request.Headers.Add("Depth", "1");
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(207, $"PROPFIND {path}: {text}");
        var self = Uri.UnescapeDataString(new Uri(Http.BaseAddress!, path).AbsolutePath).TrimEnd('/');
        XNamespace dav = "DAV:";
        return XDocument.Parse(text).Descendants(dav + "href").Select(h => Uri.UnescapeDataString(h.Value))
            .Where(h => h.TrimEnd('/') != self)
            .Select(h => h.EndsWith('/') ? h.TrimEnd('/')[(h.TrimEnd('/').LastIndexOf('/') + 1)..] + "/" : h[(h.LastIndexOf('/') + 1)..])
            .ToList();
    }

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        _temp.Dispose();
    }
}
