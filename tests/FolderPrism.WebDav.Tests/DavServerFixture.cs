using System.Net.Http.Headers;
using System.Text;
using FolderPrism.Core.Configuration;
using FolderPrism.Core.Users;
using FolderPrism.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using FolderPrism.Data.Users;
using FolderPrism.Host;

namespace FolderPrism.WebDav.Tests;

/// <summary>
/// Starts the real daemon (<see cref="FolderPrismServer"/>: real auth, real WebDAV) on Kestrel (127.0.0.1, port 0)
/// over a temp library and a real SQLite file, with fixed editor/viewer users.
/// </summary>
public sealed class DavServerFixture : IAsyncLifetime
{
    public const string EditorUser = "editor";
    public const string EditorPassword = "editor-pw";
    public const string OtherEditorUser = "other";
    public const string ViewerUser = "viewer";
    public const string ViewerPassword = "viewer-pw";

    private static readonly Dictionary<string, (string Password, UserRole Role)> Users = new()
    {
        [EditorUser] = (EditorPassword, UserRole.Editor),
        [OtherEditorUser] = (EditorPassword, UserRole.Editor),
        [ViewerUser] = (ViewerPassword, UserRole.Viewer),
    };

    private WebApplication? _app;

    public DavServerFixture()
        : this(Path.Combine(Path.GetTempPath(), "fp-dav-" + Guid.NewGuid().ToString("N")))
    {
    }

    public DavServerFixture(string root)
    {
        Root = root;
    }

    public string Root { get; }

    /// <summary>Configuration keys the daemon starts with (e.g. <c>WebDav:SendTimeout</c>), as on its command line.</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>Wraps the daemon's services after it registered them (see <see cref="ServeSettings.ConfigureServices"/>).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public string LibraryPath => Path.Combine(Root, "library");

    public string DataPath => Path.Combine(Root, "data");

    public string OriginalsPath => Path.Combine(LibraryPath, "Originals");

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The running daemon's services (e.g. its meter factory, to tell which sending path a body took).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The server is not running.");

    public async Task InitializeAsync()
    {
        _app = FolderPrismServer.Build(new ServeSettings
        {
            LibraryPath = LibraryPath,
            DataPath = DataPath,
            Urls = "http://127.0.0.1:0",
            Console = TextWriter.Null,
            ConsoleLogging = false,
            PasswordIterations = 1_000,
            Overrides = Overrides,
            ConfigureServices = ConfigureServices,
        });
        await _app.StartAsync();
        var users = _app.Services.GetRequiredService<UserStore>();
        var existing = (await users.ListAsync(CancellationToken.None)).Select(u => u.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, (password, role)) in Users)
        {
            if (!existing.Contains(name))
            {
                await users.AddAsync(name, role, password, CancellationToken.None);
            }
        }

        BaseUri = new Uri(_app.Urls.First().TrimEnd('/') + "/");
    }

    /// <summary>Stops the server but keeps the temp directory (used to restart on the same database).</summary>
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A FUSE test that failed may still hold a mount below; the OS temp cleaner gets it later.
        }
    }

    public Uri Url(string relative) => new(BaseUri, relative);

    public HttpClient CreateClient(string user = EditorUser, string password = EditorPassword)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseUri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }
}
