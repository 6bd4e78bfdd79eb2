using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace FolderPrism.WebDav.Tests;

/// <summary>The litmus WebDAV conformance suites against /Originals/: every test passes, no warnings.</summary>
public sealed partial class LitmusTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly DavServerFixture _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("basic", 16)]
    [InlineData("copymove", 13)]
    [InlineData("props", 30)]
    [InlineData("locks", 41)]
    [InlineData("http", 4)]
    public async Task Suite_passes_completely_without_warnings(string suite, int expectedTests)
    {
        var workDir = Path.Combine(_server.Root, "litmus-" + suite);
        Directory.CreateDirectory(workDir);
        var (exit, text) = await ExternalTool.RunAsync("litmus",
            [_server.Url("Originals/").ToString(), DavServerFixture.EditorUser, DavServerFixture.EditorPassword],
            workDir, new Dictionary<string, string> { ["TESTS"] = suite });
        var debugLog = Path.Combine(workDir, "debug.log");
        output.WriteLine(text);
        if (File.Exists(debugLog) && !text.Contains($"of {expectedTests} tests run: {expectedTests} passed", StringComparison.Ordinal))
        {
            // On failure, the end of litmus's request/response trace is what explains it.
            var trace = File.ReadAllText(debugLog);
            text += "\n--- debug.log (tail) ---\n" + trace[Math.Max(0, trace.Length - 20_000)..];
        }

        var summary = SummaryLine().Match(text);
        summary.Success.ShouldBeTrue($"no summary in litmus output:\n{text}");
        var total = int.Parse(summary.Groups["run"].Value);
        var passed = int.Parse(summary.Groups["passed"].Value);
        (passed, total).ShouldBe((expectedTests, expectedTests), text);
        text.ShouldNotContain("WARNING", Case.Insensitive, text);
        text.ShouldNotContain("SKIPPED", Case.Insensitive, text);
        exit.ShouldBe(0, text);
    }

    [GeneratedRegex(@"<- summary for `\w+': of (?<run>\d+) tests run: (?<passed>\d+) passed")]
    private static partial Regex SummaryLine();
}
