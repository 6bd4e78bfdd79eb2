using System.IO.Hashing;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Core.Users;
using FolderPrism.Data;
using FolderPrism.Data.Users;
using FolderPrism.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Views.Tests;

/// <summary>
/// The real daemon (<see cref="FolderPrismServer"/>) on 127.0.0.1:0 over a temp library, with an editor account and
/// helpers that put real files under Originals/ and their index rows into the real SQLite database.
/// </summary>
public sealed class ViewsHost : IAsyncDisposable
{
    public const string User = "editor";
    public const string Password = "editor-password-1";
    public static readonly XNamespace Dav = "DAV:";

    private ViewsHost(WebApplication app, string root)
    {
        App = app;
        Root = root;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.Single()) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
    }

    public WebApplication App { get; }

    public string Root { get; }

    public HttpClient Http { get; }

    public string Originals => Path.Combine(Root, "library", "Originals");

    public string Library => Path.Combine(Root, "library");

    public IDbContextFactory<FolderPrismDbContext> Db => App.Services.GetRequiredService<IDbContextFactory<FolderPrismDbContext>>();

    /// <summary>Starts the daemon; <paramref name="prepareLibrary"/> may fill the library folder before it starts.</summary>
    public static async Task<ViewsHost> StartAsync(
        int maxFolderEntries = 1000, IReadOnlyDictionary<string, string?>? extra = null, Action<string>? prepareLibrary = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "folderprism-views-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        prepareLibrary?.Invoke(Path.Combine(root, "library"));
        var overrides = new Dictionary<string, string?>
        {
            ["Views:MaxFolderEntries"] = maxFolderEntries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Rows are written by the tests themselves: a start-up reconcile racing AddAsync would index the same file.
            ["Indexing:StartupReconcileDelay"] = "1.00:00:00",
            // Rows made by AddAsync hold placeholder bytes: a sidecar write would make the indexer re-read them and
            // re-date them. Sidecar tests (real JPEGs) turn it back on.
            ["Views:WriteXmpSidecars"] = "false",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var app = FolderPrismServer.Build(new ServeSettings
        {
            LibraryPath = Path.Combine(root, "library"),
            DataPath = Path.Combine(root, "data"),
            Urls = "http://127.0.0.1:0",
            Console = new StringWriter(),
            ConsoleLogging = false,
            PasswordIterations = 1_000,
            Overrides = overrides,
        });
        await app.StartAsync(Timeout);
        await app.Services.GetRequiredService<UserStore>().AddAsync(User, UserRole.Editor, Password, Timeout);
        return new ViewsHost(app, root);
    }

    public static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    /// <summary>Writes a file under Originals/ and its analysed index row; returns the row.</summary>
    public async Task<MediaItem> AddAsync(string relativePath, DateTime? taken, Action<MediaItem>? configure = null, byte[]? bytes = null)
    {
        // The row lands before the file appears (written aside, then renamed in, which keeps its mtime): the watcher
        // then finds an unchanged, indexed file instead of racing this method to insert the same path.
        var full = Path.Combine(Originals, relativePath);
        var staged = Path.Combine(Root, "staging", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        bytes ??= Encoding.UTF8.GetBytes("photo bytes of " + relativePath + " " + Guid.NewGuid());
        await File.WriteAllBytesAsync(staged, bytes);
        var info = new FileInfo(staged);
        var item = new MediaItem
        {
            Id = Guid.NewGuid(),
            RelativePath = relativePath,
            Size = info.Length,
            ModifiedUtc = info.LastWriteTimeUtc,
            ContentHash = Convert.ToHexStringLower(XxHash128.Hash(bytes)),
            Kind = relativePath.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) ? MediaKind.Video : MediaKind.Image,
            TakenLocal = taken,
            TakenSource = DateSource.Exif,
            FirstSeenAt = DateTimeOffset.UtcNow,
            AnalyzedAt = DateTimeOffset.UtcNow,
        };
        configure?.Invoke(item);
        await using var db = await Db.CreateDbContextAsync(Timeout);
        db.MediaItems.Add(item);
        await db.SaveChangesAsync(Timeout);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Move(staged, full, overwrite: true);
        return item;
    }

    public async Task<Tag> TagAsync(MediaItem item, params string[] levels)
    {
        await using var db = await Db.CreateDbContextAsync(Timeout);
        Tag? parent = null;
        for (var i = 0; i < levels.Length; i++)
        {
            var fullPath = string.Join('|', levels[..(i + 1)]);
            var tag = await db.Tags.SingleOrDefaultAsync(t => t.FullPath == fullPath, Timeout);
            if (tag is null)
            {
                tag = new Tag { Name = levels[i], FullPath = fullPath, ParentId = parent?.Id, CreatedAt = DateTimeOffset.UtcNow };
                db.Tags.Add(tag);
                await db.SaveChangesAsync(Timeout);
            }

            parent = tag;
        }

        db.ItemTags.Add(new ItemTag { ItemId = item.Id, TagId = parent!.Id, Source = AssociationSource.File, AddedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(Timeout);
        return parent;
    }

    public async Task<Person> PersonAsync(MediaItem item, string name)
    {
        await using var db = await Db.CreateDbContextAsync(Timeout);
        var person = await db.People.SingleOrDefaultAsync(p => p.Name == name, Timeout);
        if (person is null)
        {
            person = new Person { Name = name, CreatedAt = DateTimeOffset.UtcNow };
            db.People.Add(person);
            await db.SaveChangesAsync(Timeout);
        }

        db.Faces.Add(new Face { ItemId = item.Id, PersonId = person.Id, X = 0.1, Y = 0.1, Width = 0.2, Height = 0.2, Source = AssociationSource.File, Origin = "mwg" });
        await db.SaveChangesAsync(Timeout);
        return person;
    }

    public async Task<Album> AlbumAsync(MediaItem item, string name)
    {
        await using var db = await Db.CreateDbContextAsync(Timeout);
        var album = await db.Albums.SingleOrDefaultAsync(a => a.Name == name, Timeout);
        if (album is null)
        {
            album = new Album { Name = name, CreatedAt = DateTimeOffset.UtcNow };
            db.Albums.Add(album);
            await db.SaveChangesAsync(Timeout);
        }

        db.AlbumItems.Add(new AlbumItem { AlbumId = album.Id, ItemId = item.Id, Source = AssociationSource.User, AddedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(Timeout);
        return album;
    }

    /// <summary>Member names (decoded last href segment, '/' kept for collections) of a Depth 1 PROPFIND, self excluded.</summary>
    public async Task<List<string>> ListAsync(string path)
    {
        var doc = await PropFindAsync(path, "1");
        var self = Uri.UnescapeDataString(new Uri(Http.BaseAddress!, path).AbsolutePath).TrimEnd('/');
        return doc.Descendants(Dav + "href").Select(h => Uri.UnescapeDataString(h.Value))
            .Where(h => h.TrimEnd('/') != self)
            .Select(h => h.EndsWith('/') ? h.TrimEnd('/')[(h.TrimEnd('/').LastIndexOf('/') + 1)..] + "/" : h[(h.LastIndexOf('/') + 1)..])
            .ToList();
    }

    public async Task<XDocument> PropFindAsync(string path, string depth)
    {
        using var request = new HttpRequestMessage(new HttpMethod("PROPFIND"), Href(path));
        request.Headers.Add("Depth", depth);
        using var response = await Http.SendAsync(request, Timeout);
        var text = await response.Content.ReadAsStringAsync(Timeout);
        ((int)response.StatusCode).ShouldBe(207, $"PROPFIND {path}: {text}");
        return XDocument.Parse(text);
    }

    public async Task<HttpResponseMessage> SendAsync(string method, string path, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), Href(path));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Http.SendAsync(request, Timeout);
    }

    /// <summary>Percent-encodes each segment of a path given in plain text.</summary>
    public static string Href(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (Environment.GetEnvironmentVariable("FP_KEEP_TEST_DIRS") is null)
            {
                Directory.Delete(Root, recursive: true);
            }
        }
        catch (IOException)
        {
            // A FUSE mount left behind by a failed test; the OS temp cleaner gets it later.
        }
    }
}
