using System.Net;
using System.Net.Sockets;

namespace FolderPrism.Host.Tests;

public sealed class CliValidationTests
{
    [Theory]
    [InlineData("status")]
    [InlineData("serve")]
    [InlineData("users list")]
    public async Task Unusable_library_path_stops_every_verb_with_one_line_naming_the_setting(string verb)
    {
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync([.. verb.Split(' '), "--library", "/proc/folderprism-cannot-exist", "--data", dir.Data]);
        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: Library:Path:");
        result.Error.ShouldNotContain(" at ");
    }

    [Theory]
    [InlineData("status")]
    [InlineData("serve")]
    public async Task Send_timeout_kestrel_cannot_apply_stops_the_verb_with_one_line(string verb)
    {
        using var dir = new TempDirectory();
        var config = Path.Combine(dir.Path, "webdav.json");
        await File.WriteAllTextAsync(config, """{ "WebDav": { "SendTimeout": "00:00:01" } }""");
        var result = await CliRunner.RunAsync([verb, "--config", config, "--library", dir.Library, "--data", dir.Data]);
        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: WebDav:SendTimeout: 00:00:01 is invalid");
        result.Error.ShouldNotContain(" at ");
    }

    [Fact]
    public async Task Send_timeout_longer_than_a_day_is_refused()
    {
        using var dir = new TempDirectory();
        var config = Path.Combine(dir.Path, "webdav.json");
        await File.WriteAllTextAsync(config, """{ "WebDav": { "SendTimeout": "10675199.00:00:00" } }""");
        var result = await CliRunner.RunAsync(["status", "--config", config, "--library", dir.Library, "--data", dir.Data]);
        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: WebDav:SendTimeout: 10675199.00:00:00 is invalid");
    }

    [Theory]
    [InlineData("serve", """{ "Indexing": { "Debounce": "banana" } }""", "Indexing:Debounce")]
    [InlineData("status", """{ "Indexing": { "Debounce": "banana" } }""", "Indexing:Debounce")]
    [InlineData("serve", """{ "Memory": { "NativeTrimSeconds": "ten" } }""", "Memory:NativeTrimSeconds")]
    [InlineData("serve", """{ "Import": { "QuietPeriod": "soon" } }""", "Import:QuietPeriod")]
    [InlineData("serve", """{ "Vision": { "Enabled": "maybe" } }""", "Vision:Enabled")]
    public async Task Values_that_cannot_convert_in_sections_workers_bind_later_stop_the_verb_with_one_line(
        string verb, string json, string key)
    {
        using var dir = new TempDirectory();
        var config = Path.Combine(dir.Path, "bad-value.json");
        await File.WriteAllTextAsync(config, json);
        var result = await CliRunner.RunAsync([verb, "--config", config, "--library", dir.Library, "--data", dir.Data]);
        result.ExitCode.ShouldBe(2, result.Error);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith($"error: {key}: ");
        result.Error.ShouldContain("is not a valid");
        result.Error.ShouldNotContain("   at "); // no stack trace
    }

    [Fact]
    public async Task Library_path_that_is_a_file_is_refused()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "a-file");
        await File.WriteAllTextAsync(file, "x");
        var result = await CliRunner.RunAsync(["status", "--library", file, "--data", dir.Data]);
        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("is a file, not a folder");
    }

    [Theory]
    [InlineData("not-a-url")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("http://127.0.0.1:5080/sub/path")]
    public async Task Bad_urls_stop_serve_with_one_line(string urls)
    {
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync(["serve", "--urls", urls, "--library", dir.Library, "--data", dir.Data]);
        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: Urls:");
    }

    [Fact]
    public async Task Negative_numbers_in_a_config_file_name_the_key()
    {
        using var dir = new TempDirectory();
        var config = Path.Combine(dir.Path, "bad.json");
        await File.WriteAllTextAsync(config, """{ "Auth": { "CacheSeconds": -5 } }""");
        var result = await CliRunner.RunAsync(["status", "--config", config, "--library", dir.Library, "--data", dir.Data]);
        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("Auth:CacheSeconds: -5 is invalid");
    }

    [Fact]
    public async Task Missing_and_malformed_config_files_are_one_line_errors()
    {
        using var dir = new TempDirectory();
        var missing = await CliRunner.RunAsync(["status", "--config", Path.Combine(dir.Path, "nope.json")]);
        missing.ExitCode.ShouldBe(2);
        missing.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: --config: file");

        var broken = Path.Combine(dir.Path, "broken.json");
        await File.WriteAllTextAsync(broken, "{ \"Library\": ");
        var malformed = await CliRunner.RunAsync(["status", "--config", broken, "--library", dir.Library, "--data", dir.Data]);
        malformed.ExitCode.ShouldBe(2);
        malformed.ErrorLines.ShouldHaveSingleItem().ShouldContain("broken.json");
    }

    [Fact]
    public async Task Config_file_values_apply_and_command_line_options_override_them()
    {
        using var dir = new TempDirectory();
        var fromFile = Path.Combine(dir.Path, "from-file");
        var config = Path.Combine(dir.Path, "config.json");
        await File.WriteAllTextAsync(config,
            $$"""{ "Library": { "Path": "{{fromFile}}" }, "Data": { "Path": "{{dir.Data}}" } }""");

        var fileOnly = await CliRunner.RunAsync(["status", "--config", config]);
        fileOnly.ExitCode.ShouldBe(0, fileOnly.Error);
        fileOnly.Output.ShouldContain($"library:  {fromFile}");
        Directory.Exists(Path.Combine(fromFile, "Originals")).ShouldBeTrue();
        Directory.Exists(Path.Combine(fromFile, "Import")).ShouldBeTrue();

        var overridden = await CliRunner.RunAsync(["status", "--config", config, "--library", dir.Library]);
        overridden.ExitCode.ShouldBe(0, overridden.Error);
        overridden.Output.ShouldContain($"library:  {dir.Library}");
    }

    [Fact]
    public async Task Serve_on_a_port_in_use_fails_with_one_line_naming_urls()
    {
        using var dir = new TempDirectory();
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((IPEndPoint)blocker.LocalEndpoint).Port;
        var result = await CliRunner.RunAsync(
            ["serve", "--urls", $"http://127.0.0.1:{port}", "--library", dir.Library, "--data", dir.Data]);
        result.ExitCode.ShouldNotBe(0);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: Urls:");
    }
}
