using System.Globalization;
using System.Text.RegularExpressions;

namespace FolderPrism.Host.Tests;

public sealed partial class MemoryServicesTests
{
    [Fact]
    public async Task The_memory_report_and_the_native_heap_trim_run_when_configured()
    {
        await using var server = await RunningServer.StartAsync(overrides: new Dictionary<string, string?>
        {
            ["Diagnostics:MemoryLogSeconds"] = "1",
            ["Memory:NativeTrimSeconds"] = "1",
            ["Serilog:MinimumLevel:Override:FolderPrism.Host.Health"] = "Debug",
        });

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string log;
        do
        {
            await Task.Delay(200, TestContext.Timeout);
            log = ReadLogs(server.Directory.Data);
        }
        while ((!log.Contains("memory: rss", StringComparison.Ordinal) || !log.Contains("malloc_trim: RSS", StringComparison.Ordinal))
               && DateTime.UtcNow < deadline);

        var report = MemoryLine().Match(log);
        report.Success.ShouldBeTrue(log);
        double.Parse(report.Groups["rss"].Value, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        int.Parse(report.Groups["threads"].Value, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        log.ShouldContain("malloc_trim: RSS");
        log.ShouldContain("Paged out the read-only file mappings");
    }

    private static string ReadLogs(string data)
    {
        var dir = Path.Combine(data, "logs");
        if (!Directory.Exists(dir))
        {
            return "";
        }

        return string.Concat(Directory.GetFiles(dir).Select(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }));
    }

    [GeneratedRegex(@"memory: rss (?<rss>[0-9.]+) MB;.*threads (?<threads>[0-9]+)")]
    private static partial Regex MemoryLine();
}
