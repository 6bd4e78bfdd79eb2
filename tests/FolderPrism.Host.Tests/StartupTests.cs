using System.Net;
using System.Text.RegularExpressions;

namespace FolderPrism.Host.Tests;

public sealed partial class StartupTests
{
    [Fact]
    public async Task Healthz_answers_ok_without_auth_and_nothing_else()
    {
        await using var server = await RunningServer.StartAsync();
        var response = await server.SendAsync(HttpMethod.Get, "/healthz");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await response.Content.ReadAsStringAsync()).ShouldBe("ok");
        response.Headers.WwwAuthenticate.ShouldBeEmpty();

        (await server.SendAsync(HttpMethod.Put, "/healthz")).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await server.SendAsync(HttpMethod.Get, "/healthz/more")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task First_start_creates_admin_prints_the_password_once_and_never_logs_it()
    {
        using var dir = new TempDirectory();
        string password;
        await using (var first = await RunningServer.StartAsync(dir))
        {
            var match = PasswordLine().Match(first.Console.ToString());
            match.Success.ShouldBeTrue(first.Console.ToString());
            password = match.Groups[1].Value;
            password.Length.ShouldBeGreaterThanOrEqualTo(16);
            (await first.SendAsync(HttpMethod.Get, "/", "admin", password)).StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized);
            (await first.SendAsync(HttpMethod.Get, "/", "admin", "not-it")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        await using (var second = await RunningServer.StartAsync(dir))
        {
            second.Console.ToString().ShouldNotContain("password");
            (await second.Users.ListAsync(CancellationToken.None)).Count.ShouldBe(1);
        }

        var logs = Directory.GetFiles(Path.Combine(dir.Data, "logs"));
        logs.ShouldNotBeEmpty();
        foreach (var log in logs)
        {
            var text = await File.ReadAllTextAsync(log);
            text.ShouldContain("created user admin");
            text.ShouldNotContain(password);
        }
    }

    [Fact]
    public async Task Daemon_state_file_lets_status_see_the_running_daemon_and_is_removed_on_stop()
    {
        using var dir = new TempDirectory();
        var stateFile = Path.Combine(dir.Data, "daemon.json");
        await using (var server = await RunningServer.StartAsync(dir))
        {
            File.Exists(stateFile).ShouldBeTrue();
            var status = await CliRunner.RunAsync(["status", "--library", dir.Library, "--data", dir.Data]);
            status.ExitCode.ShouldBe(0, status.Error);
            status.Output.ShouldContain($"pid {Environment.ProcessId}");
            status.Output.ShouldContain(server.BaseAddress.ToString().TrimEnd('/'));
            status.Output.ShouldContain("healthy");
        }

        File.Exists(stateFile).ShouldBeFalse();
    }

    [Fact]
    public async Task Library_root_originals_and_import_are_created()
    {
        await using var server = await RunningServer.StartAsync();
        Directory.Exists(Path.Combine(server.Directory.Library, "Originals")).ShouldBeTrue();
        Directory.Exists(Path.Combine(server.Directory.Library, "Import")).ShouldBeTrue();
        File.Exists(Path.Combine(server.Directory.Data, "folderprism.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task Two_servers_in_one_process_keep_their_logs_apart()
    {
        await using var a = await RunningServer.StartAsync();
        await using var b = await RunningServer.StartAsync();
        (await b.SendAsync(HttpMethod.Get, "/only-on-b", "someone-on-b", "whatever")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await a.SendAsync(HttpMethod.Get, "/only-on-a", "someone-on-a", "whatever")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var logA = ReadLogs(a.Directory.Data);
        var logB = ReadLogs(b.Directory.Data);
        logA.ShouldContain("someone-on-a");
        logA.ShouldNotContain("someone-on-b");
        logA.ShouldNotContain("/only-on-b");
        logB.ShouldContain("/only-on-b");
        logB.ShouldNotContain("someone-on-a");
    }

    private static string ReadLogs(string dataPath) => string.Concat(
        Directory.GetFiles(Path.Combine(dataPath, "logs")).Select(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }));

    [GeneratedRegex(@"password:\s+(\S+)")]
    private static partial Regex PasswordLine();
}
