using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using FolderPrism.Core.Configuration;
using FolderPrism.Core.Users;
using FolderPrism.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using FolderPrism.WebDav;

namespace FolderPrism.WebDav.Tests;

/// <summary>
/// Starts the real WebDAV stack on Kestrel (127.0.0.1, port 0) over a temp library and a real SQLite file. The only
/// test-specific part is the tiny Basic-auth shim below (fixed users; OPTIONS anonymous; viewers refused writes);
/// it stands in for the host's auth and is meant to be replaced by the real host.
/// </summary>
public sealed class DavServerFixture : IAsyncLifetime
{
    public const string EditorUser = "editor";
    public const string EditorPassword = "editor-pw";
    public const string OtherEditorUser = "other";
    public const string ViewerUser = "viewer";
    public const string ViewerPassword = "viewer-pw";

    private static readonly Dictionary<string, (string Password, string Role)> Users = new()
    {
        [EditorUser] = (EditorPassword, RoleNames.Editor),
        [OtherEditorUser] = (EditorPassword, RoleNames.Editor),
        [ViewerUser] = (ViewerPassword, RoleNames.Viewer),
    };

    private static readonly HashSet<string> ReadMethods = ["GET", "HEAD", "OPTIONS", "PROPFIND"];

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

    public string LibraryPath => Path.Combine(Root, "library");

    public string DataPath => Path.Combine(Root, "data");

    public string OriginalsPath => Path.Combine(LibraryPath, "Originals");

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.Configure<LibraryOptions>(o => o.Path = LibraryPath);
        builder.Services.Configure<DataOptions>(o => o.Path = DataPath);
        builder.Services.AddFolderPrismData();
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddFolderPrismWebDav();
        _app = builder.Build();
        await _app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        _app.Use(TestBasicAuthAsync);
        _app.UseFolderPrismWebDav();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address.TrimEnd('/') + "/");
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

    private static Task TestBasicAuthAsync(HttpContext context, RequestDelegate next)
    {
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            return next(context);
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
            if (pair.Length == 2 && Users.TryGetValue(pair[0], out var user) && user.Password == pair[1])
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, pair[0]), new Claim(ClaimTypes.Role, user.Role)], "Basic"));
                if (user.Role == RoleNames.Viewer && !ReadMethods.Contains(context.Request.Method))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                }

                return next(context);
            }
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"FolderPrism\"";
        return Task.CompletedTask;
    }
}
