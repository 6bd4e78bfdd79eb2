using System.Net;
using FolderPrism.Core.Users;

namespace FolderPrism.Host.Tests;

public sealed class AuthTests
{
    private static readonly HttpMethod Propfind = new("PROPFIND");

    [Fact]
    public async Task Missing_or_wrong_credentials_get_401_with_the_basic_challenge()
    {
        await using var server = await RunningServer.StartAsync();
        await server.AddUserAsync("erin", UserRole.Editor, "erin-password");

        foreach (var response in new[]
                 {
                     await server.SendAsync(HttpMethod.Get, "/"),
                     await server.SendAsync(HttpMethod.Get, "/", "erin", "wrong-password"),
                     await server.SendAsync(HttpMethod.Get, "/", "nobody", "erin-password"),
                 })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Basic realm=\"FolderPrism\"");
        }
    }

    [Fact]
    public async Task Right_credentials_reach_the_app_and_names_are_case_insensitive()
    {
        await using var server = await RunningServer.StartAsync();
        await server.AddUserAsync("frank", UserRole.Viewer, "frank-password");

        (await server.SendAsync(Propfind, "/", "frank", "frank-password")).StatusCode.ShouldNotBeOneOf(Refusals);
        (await server.SendAsync(HttpMethod.Get, "/", "FRANK", "frank-password")).StatusCode.ShouldNotBeOneOf(Refusals);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("MKCOL")]
    [InlineData("COPY")]
    [InlineData("MOVE")]
    [InlineData("PROPPATCH")]
    [InlineData("LOCK")]
    [InlineData("UNLOCK")]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public async Task Viewers_get_403_on_every_write_method_and_editors_pass(string method)
    {
        await using var server = await RunningServer.StartAsync();
        await server.AddUserAsync("viewer1", UserRole.Viewer, "viewer-password");
        await server.AddUserAsync("editor1", UserRole.Editor, "editor-password");

        (await server.SendAsync(new HttpMethod(method), "/Import/role-test", "viewer1", "viewer-password"))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await server.SendAsync(new HttpMethod(method), "/Import/role-test", "editor1", "editor-password"))
            .StatusCode.ShouldNotBeOneOf(Refusals);
    }

    [Fact]
    public async Task Options_is_allowed_anonymously()
    {
        await using var server = await RunningServer.StartAsync();
        var response = await server.SendAsync(HttpMethod.Options, "/");
        response.StatusCode.ShouldNotBeOneOf(Refusals);
        response.Headers.WwwAuthenticate.ShouldBeEmpty();
    }

    [Fact]
    public async Task Repeated_failures_are_throttled_per_user_with_429_until_the_lockout_passes()
    {
        var clock = new ManualClock();
        await using var server = await RunningServer.StartAsync(clock: clock);
        await server.AddUserAsync("gina", UserRole.Editor, "gina-password");

        for (var i = 0; i < 5; i++)
        {
            (await server.SendAsync(HttpMethod.Get, "/", "gina", "guess-" + i)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var locked = await server.SendAsync(HttpMethod.Get, "/", "gina", "gina-password");
        locked.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        locked.Headers.RetryAfter.ShouldNotBeNull();

        clock.Advance(TimeSpan.FromSeconds(2));
        (await server.SendAsync(HttpMethod.Get, "/", "gina", "gina-password")).StatusCode.ShouldNotBeOneOf(Refusals);

        var log = string.Concat(Directory.GetFiles(Path.Combine(server.Directory.Data, "logs")).Select(ReadShared));
        log.ShouldContain("Failed login from 127.0.0.1 as user gina");
        log.ShouldNotContain("guess-");
    }

    [Fact]
    public async Task Failures_from_one_address_throttle_every_user_name_it_tries()
    {
        var clock = new ManualClock();
        await using var server = await RunningServer.StartAsync(clock: clock);
        await server.AddUserAsync("hank", UserRole.Editor, "hank-password");

        for (var i = 0; i < 5; i++)
        {
            (await server.SendAsync(HttpMethod.Get, "/", "ghost" + i, "whatever")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await server.SendAsync(HttpMethod.Get, "/", "hank", "hank-password")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_password_changed_elsewhere_invalidates_the_cached_login()
    {
        var clock = new ManualClock();
        await using var server = await RunningServer.StartAsync(clock: clock);
        await server.AddUserAsync("ivy", UserRole.Editor, "old-password");
        (await server.SendAsync(HttpMethod.Get, "/", "ivy", "old-password")).StatusCode.ShouldNotBeOneOf(Refusals);

        // The CLI is another process: it only shares the database with the daemon.
        var cli = await CliRunner.RunAsync(
            ["users", "passwd", "ivy", "--password-stdin", "--library", server.Directory.Library, "--data", server.Directory.Data],
            "new-password\n");
        cli.ExitCode.ShouldBe(0, cli.Error);

        clock.Advance(TimeSpan.FromSeconds(3)); // past Auth:UserRefreshSeconds, well within Auth:CacheSeconds
        (await server.SendAsync(HttpMethod.Get, "/", "ivy", "old-password")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await server.SendAsync(HttpMethod.Get, "/", "ivy", "new-password")).StatusCode.ShouldNotBeOneOf(Refusals);
    }

    [Fact]
    public async Task A_removed_user_is_refused_after_the_refresh_interval()
    {
        var clock = new ManualClock();
        await using var server = await RunningServer.StartAsync(clock: clock);
        await server.AddUserAsync("jack", UserRole.Editor, "jack-password");
        (await server.SendAsync(HttpMethod.Get, "/", "jack", "jack-password")).StatusCode.ShouldNotBeOneOf(Refusals);

        await server.Users.RemoveAsync("jack", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(3));
        (await server.SendAsync(HttpMethod.Get, "/", "jack", "jack-password")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static readonly HttpStatusCode[] Refusals =
        [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests];

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
