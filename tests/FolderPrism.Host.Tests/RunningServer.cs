using System.Net.Http.Headers;
using System.Text;
using FolderPrism.Core.Users;
using FolderPrism.Data.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Host.Tests;

/// <summary>The real daemon (FolderPrismServer) on 127.0.0.1 with an OS-chosen port, in a temp folder.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    public const int TestIterations = 1_000;

    private RunningServer(
        WebApplication app, StringWriter console, TempDirectory directory, bool ownsDirectory, HttpMessageHandler handler)
    {
        App = app;
        Console = console;
        Directory = directory;
        OwnsDirectory = ownsDirectory;
        BaseAddress = new Uri(app.Urls.Single());
        Http = new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    public WebApplication App { get; }

    public StringWriter Console { get; }

    public TempDirectory Directory { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public UserStore Users => App.Services.GetRequiredService<UserStore>();

    private bool OwnsDirectory { get; }

    public static async Task<RunningServer> StartAsync(
        TempDirectory? directory = null, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? overrides = null,
        string urls = "http://127.0.0.1:0", HttpMessageHandler? handler = null)
    {
        var owns = directory is null;
        directory ??= new TempDirectory();
        var console = new StringWriter();
        var app = FolderPrismServer.Build(new ServeSettings
        {
            LibraryPath = directory.Library,
            DataPath = directory.Data,
            Urls = urls,
            Console = console,
            ConsoleLogging = false,
            PasswordIterations = TestIterations,
            TimeProvider = clock,
            Overrides = overrides ?? new Dictionary<string, string?>(),
        });
        await app.StartAsync(TestContext.Timeout);
        return new RunningServer(app, console, directory, owns, handler ?? new SocketsHttpHandler());
    }

    public Task<User> AddUserAsync(string name, UserRole role, string password) =>
        Users.AddAsync(name, role, password, CancellationToken.None);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? user = null, string? password = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (user is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }

        return await Http.SendAsync(request, TestContext.Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        if (OwnsDirectory)
        {
            Directory.Dispose();
        }
    }
}
