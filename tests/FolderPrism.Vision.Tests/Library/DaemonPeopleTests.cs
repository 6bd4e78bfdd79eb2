using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using FolderPrism.Core.Library;
using FolderPrism.Core.Users;
using FolderPrism.Data;
using FolderPrism.Data.Users;
using FolderPrism.Host;
using FolderPrism.Vision.Converter.Install;
using FolderPrism.Vision.Library;
using FolderPrism.Vision.Models;
using FolderPrism.Vision.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Vision.Tests.Library;

/// <summary>
/// The daemon with installed models, end to end: photos of the same three men (original, mirrored, downscaled,
/// brightened) dropped in Originals/ are indexed, the vision worker finds their faces, clustering groups each man
/// into an <c>Unknown N</c> folder, a WebDAV MOVE names one, DELETE of a photo unassigns it for good, and
/// <c>faces list --json</c> reports all of it; labels appear in <c>Labels/</c> and <c>Search/</c>.
/// </summary>
public sealed class DaemonPeopleTests(InstalledModelsFixture models) : IClassFixture<InstalledModelsFixture>, IDisposable
{
    private const string User = "editor";
    private const string Password = "editor-password-1";
    private static readonly XNamespace Dav = "DAV:";
    private readonly TempDir _temp = new();

    [Fact]
    public async Task Daemon_finds_faces_clusters_people_and_webdav_renames_and_unassigns()
    {
        var library = _temp.File("library");
        var data = _temp.File("data");
        var originals = Path.Combine(library, "Originals", "2020");
        Directory.CreateDirectory(originals);
        File.Copy(SamplePhotos.ThreeFaces, Path.Combine(originals, "a-original.jpg"));
        ImageVariants.Mirrored(SamplePhotos.ThreeFaces, Path.Combine(originals, "b-mirrored.jpg"));
        ImageVariants.Downscaled(SamplePhotos.ThreeFaces, Path.Combine(originals, "c-small.jpg"), 0.8);
        ImageVariants.Brightness(SamplePhotos.ThreeFaces, Path.Combine(originals, "d-bright.jpg"), 30);
        await new VisionModelInstaller(ModelStore.ForDataDirectory(data)).InstallAsync(models.Store.Directory, null, Timeout);

        var daemon = await VisionDaemon.StartAsync(library, data, VisionDaemon.FastWorker(), Timeout);
        try
        {
            var (app, http, contexts) = (daemon.App, daemon.Http, daemon.Contexts);

            // Poll the database, not WebDAV: requests would (rightly) pause the vision worker.
            await WaitForAsync(async () =>
            {
                await using var db = await contexts.CreateDbContextAsync(Timeout);
                return await db.VisionStates.CountAsync(Timeout) == 4 && await db.Faces.CountAsync(f => f.ClusterId != null, Timeout) == 12;
            });

            var people = await ListAsync(http, "/People/");
            people.Order().ShouldBe(["Unknown 1/", "Unknown 2/", "Unknown 3/"]);
            foreach (var unknown in people)
            {
                (await ListAsync(http, "/People/" + unknown)).Count.ShouldBe(4);
            }

            (await http.SendAsync(new HttpRequestMessage(new HttpMethod("MOVE"), "/People/Unknown%201")
            {
                Headers = { { "Destination", new Uri(http.BaseAddress!, "/People/Alice").ToString() } },
            }, Timeout)).StatusCode.ShouldBe(HttpStatusCode.Created);
            (await ListAsync(http, "/People/")).Order().ShouldBe(["Alice/", "Unknown 2/", "Unknown 3/"]);
            var alice = await ListAsync(http, "/People/Alice/");
            alice.Count.ShouldBe(4);

            // DELETE of a photo in a person folder unassigns that face; re-clustering does not bring it back.
            var mirrored = alice.Single(n => n.EndsWith("b-mirrored.jpg", StringComparison.Ordinal));
            (await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/People/Alice/" + Uri.EscapeDataString(mirrored)), Timeout)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            (await ListAsync(http, "/People/Alice/")).Count.ShouldBe(3);
            await app.Services.GetRequiredService<PeopleClusteringRun>().RunAsync(Timeout);
            (await ListAsync(http, "/People/Alice/")).ShouldNotContain(mirrored);
            (await ListAsync(http, "/People/Alice/")).Count.ShouldBe(3);
            File.Exists(Path.Combine(originals, "b-mirrored.jpg")).ShouldBeTrue();

            // Labels: every photo shows people; Search finds them by label and synonym.
            (await ListAsync(http, "/Labels/")).ShouldContain("person/");
            (await ListAsync(http, "/Labels/person/")).Count.ShouldBe(4);
            (await ListAsync(http, "/Search/people/")).Count.ShouldBe(4);
            (await ListAsync(http, "/Search/label:dog/")).ShouldBeEmpty();

            var list = await CliRun.RunAsync("faces", "list", "--json", "--library", library, "--data", data);
            list.Code.ShouldBe(0, list.Error);
            var faces = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            faces.Count.ShouldBe(12);
            var persons = faces.Select(f => f.GetProperty("person")).ToList();
            persons.Count(p => p.ValueKind == JsonValueKind.String && p.GetString() == "Alice").ShouldBe(3);
            persons.Count(p => p.ValueKind == JsonValueKind.Number).ShouldBe(8);
            persons.Count(p => p.ValueKind == JsonValueKind.Null).ShouldBe(1);
            faces.Where(f => f.GetProperty("path").GetString() == "2020/c-small.jpg")
                .ShouldAllBe(f => f.GetProperty("box")[0].GetInt32() + f.GetProperty("box")[2].GetInt32() <= 480 + 2);

            await using var check = await contexts.CreateDbContextAsync(Timeout);
            var rejected = await check.Faces.AsNoTracking().SingleAsync(f => f.Rejections != null, Timeout);
            rejected.PersonId.ShouldBeNull();
            rejected.Source.ShouldBe(AssociationSource.Recognition);
        }
        finally
        {
            await daemon.DisposeAsync();
        }
    }

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token;

    private static async Task<List<string>> ListAsync(HttpClient http, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod("PROPFIND"), string.Join('/', path.Split('/').Select(Uri.EscapeDataString)));
        request.Headers.Add("Depth", "1");
        using var response = await http.SendAsync(request, Timeout);
        var text = await response.Content.ReadAsStringAsync(Timeout);
        ((int)response.StatusCode).ShouldBe(207, $"PROPFIND {path}: {text}");
        var self = Uri.UnescapeDataString(new Uri(http.BaseAddress!, path).AbsolutePath).TrimEnd('/');
        return XDocument.Parse(text).Descendants(Dav + "href").Select(h => Uri.UnescapeDataString(h.Value))
            .Where(h => h.TrimEnd('/') != self)
            .Select(h => h.EndsWith('/') ? h.TrimEnd('/')[(h.TrimEnd('/').LastIndexOf('/') + 1)..] + "/" : h[(h.LastIndexOf('/') + 1)..])
            .ToList();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the daemon did not finish vision within 5 minutes");
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
