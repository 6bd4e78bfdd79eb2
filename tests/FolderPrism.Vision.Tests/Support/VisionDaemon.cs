using System.Net.Http.Headers;
using System.Text;
using FolderPrism.Core.Users;
using FolderPrism.Data;
using FolderPrism.Data.Users;
using FolderPrism.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Vision.Tests.Support;

/// <summary>
/// The real daemon (Kestrel on 127.0.0.1, SQLite in the data folder) for the vision library tests, with an editor
/// signed in on <see cref="Http"/>: one start-up and tear-down instead of a copy in every test class.
/// </summary>
internal sealed class VisionDaemon : IAsyncDisposable
{
    public const string User = "editor";
    public const string Password = "editor-password-1";

    private VisionDaemon(WebApplication app, HttpClient http)
    {
        App = app;
        Http = http;
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public IDbContextFactory<FolderPrismDbContext> Contexts => App.Services.GetRequiredService<IDbContextFactory<FolderPrismDbContext>>();

    /// <summary>Worker settings for tests with models: the worker and clustering react at once instead of on their
    /// production poll intervals.</summary>
    public static Dictionary<string, string?> FastWorker() => new()
    {
        ["Vision:Worker:IdlePoll"] = "00:00:00.200",
        ["Vision:Worker:ClusterInterval"] = "00:00:00",
        ["Vision:Worker:PauseAfterRequest"] = "00:00:00.100",
    };

    public static async Task<VisionDaemon> StartAsync(string library, string data, IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken)
    {
        var app = FolderPrismServer.Build(new ServeSettings
        {
            LibraryPath = library,
            DataPath = data,
            Urls = "http://127.0.0.1:0",
            Console = new StringWriter(),
            ConsoleLogging = false,
            PasswordIterations = 1_000,
            Overrides = overrides,
        });
        await app.StartAsync(cancellationToken);
        var users = app.Services.GetRequiredService<UserStore>();
        if (await users.FindAsync(User, cancellationToken) is null) // a restart on the same data folder keeps its users
        {
            await users.AddAsync(User, UserRole.Editor, Password, cancellationToken);
        }

        var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        return new VisionDaemon(app, http);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
