using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using FolderPrism.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Tests;

/// <summary>
/// The real daemon (<c>dotnet folderprism.dll serve</c>) as a child process, SIGKILLed at random points while clients
/// DELETE photos in Originals/ (each a move to the trash), then restarted: every photo must exist exactly once (in
/// Originals/ or in the trash) after each kill, and after the start-up repair the index must agree with the disk.
/// </summary>
public sealed class TrashKillTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Files = 60;

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string Program => Path.Combine(AppContext.BaseDirectory, "folderprism.dll");

    [Fact]
    public async Task Kill_9_while_trashing_leaves_every_photo_exactly_once_and_repair_makes_the_index_agree()
    {
        var root = Path.Combine(Path.GetTempPath(), "folderprism-views-tests", "kill-" + Guid.NewGuid().ToString("N"));
        var library = Path.Combine(root, "library");
        var data = Path.Combine(root, "data");
        var originals = Path.Combine(library, "Originals");
        var names = Enumerable.Range(0, Files).Select(n => $"d{n % 4}/IMG_{n:D4}.jpg").ToList();
        foreach (var name in names)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(originals, name))!);
            await File.WriteAllTextAsync(Path.Combine(originals, name), "bytes of " + name);
        }

        try
        {
            using (var add = Start(["users", "add", ViewsHost.User, "--role", "editor", "--password-stdin", "--library", library, "--data", data]))
            {
                await add.StandardInput.WriteLineAsync(ViewsHost.Password);
                add.StandardInput.Close();
                _ = add.StandardOutput.ReadToEndAsync();
                var error = add.StandardError.ReadToEndAsync();
                await add.WaitForExitAsync();
                add.ExitCode.ShouldBe(0, await error);
            }

            var random = new Random(7);
            var logs = new List<Task<string>>();
            var next = 0;
            var kills = 0;
            while (next < names.Count)
            {
                var port = FreePort();
                using var daemon = Start(["serve", "--urls", $"http://127.0.0.1:{port}", "--library", library, "--data", data]);
                logs.Add(daemon.StandardOutput.ReadToEndAsync());
                _ = daemon.StandardError.ReadToEndAsync();
                using var http = Client(port);
                await WaitReadyAsync(http, daemon);
                AssertConsistentIndex(library, data, names);

                // DELETE a random number of photos, then kill at a random moment of the next DELETEs.
                var quiet = random.Next(1, 10);
                var target = Math.Min(names.Count, next + quiet);
                for (; next < target; next++)
                {
                    (await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/Originals/" + names[next]))).StatusCode
                        .ShouldBe(HttpStatusCode.NoContent);
                }

                var racing = Task.Run(async () =>
                {
                    for (var i = next; i < names.Count; i++)
                    {
                        try
                        {
                            await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/Originals/" + names[i]));
                        }
                        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
                        {
                            return; // killed mid-request
                        }
                    }
                });
                await Task.Delay(random.Next(0, 120));
                daemon.Kill(entireProcessTree: true); // SIGKILL: no cleanup runs
                await daemon.WaitForExitAsync();
                await racing;
                kills++;
                AssertEachPhotoOnce(library, names);
                next = NextPresent(originals, names);
            }

            // A last start repairs what the last kill left; the index then agrees with the disk.
            var lastPort = FreePort();
            using (var daemon = Start(["serve", "--urls", $"http://127.0.0.1:{lastPort}", "--library", library, "--data", data]))
            {
                logs.Add(daemon.StandardOutput.ReadToEndAsync());
                _ = daemon.StandardError.ReadToEndAsync();
                using var http = Client(lastPort);
                await WaitReadyAsync(http, daemon);
                AssertConsistentIndex(library, data, names);
                daemon.Kill(entireProcessTree: true);
                await daemon.WaitForExitAsync();
            }

            kills.ShouldBeGreaterThan(1);
            var repaired = (await Task.WhenAll(logs)).Sum(l => l.Split('\n').Count(line => line.Contains("Trash repair settled", StringComparison.Ordinal)));
            output.WriteLine($"{kills} kills; {repaired} start-ups found interrupted trash operations to settle");
            AssertEachPhotoOnce(library, names);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("FP_KEEP_TEST_DIRS") is null)
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static int NextPresent(string originals, List<string> names) =>
        names.FindIndex(n => File.Exists(Path.Combine(originals, n))) is var i && i >= 0 ? i : names.Count;

    /// <summary>Each photo's bytes exist once: in Originals/ or in exactly one trash folder.</summary>
    private static void AssertEachPhotoOnce(string library, List<string> names)
    {
        var trashRoot = Path.Combine(library, ".trash");
        var trashed = Directory.Exists(trashRoot)
            ? Directory.EnumerateFiles(trashRoot, "*.jpg", SearchOption.AllDirectories).Select(File.ReadAllText).ToList()
            : [];
        foreach (var name in names)
        {
            var inOriginals = File.Exists(Path.Combine(library, "Originals", name)) ? 1 : 0;
            (inOriginals + trashed.Count(t => t == "bytes of " + name)).ShouldBe(1, name);
        }
    }

    /// <summary>After the start-up repair: every trashed row's file is where the row says, every trash folder has its row.</summary>
    private static void AssertConsistentIndex(string library, string data, List<string> names)
    {
        var options = new DbContextOptionsBuilder<FolderPrismDbContext>()
            .UseSqlite($"Data Source={Path.Combine(data, "folderprism.db")}").Options;
        using var db = new FolderPrismDbContext(options);
        var trashed = db.MediaItems.AsNoTracking().Where(i => i.TrashedAt != null).ToList();
        foreach (var item in trashed)
        {
            item.RelativePath.ShouldStartWith("../.trash/" + item.Id.ToString("N") + "/");
            File.Exists(Path.GetFullPath(Path.Combine(library, "Originals", item.RelativePath))).ShouldBeTrue(item.RelativePath);
        }

        var folders = Directory.Exists(Path.Combine(library, ".trash"))
            ? Directory.EnumerateDirectories(Path.Combine(library, ".trash")).Select(Path.GetFileName).ToHashSet()
            : [];
        folders.SetEquals(trashed.Select(i => i.Id.ToString("N"))).ShouldBeTrue();
        var trashedNames = trashed.Select(i => Path.GetFileName(i.RelativePath)).ToList();
        foreach (var name in names.Where(n => !File.Exists(Path.Combine(library, "Originals", n))))
        {
            trashedNames.ShouldContain(Path.GetFileName(name));
        }
    }

    private static async Task WaitReadyAsync(HttpClient http, Process daemon)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            daemon.HasExited.ShouldBeFalse("the daemon exited during start-up");
            try
            {
                using var request = new HttpRequestMessage(new HttpMethod("PROPFIND"), "/Trash/");
                request.Headers.Add("Depth", "0");
                if ((int)(await http.SendAsync(request)).StatusCode == 207)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the daemon never answered");
            await Task.Delay(100);
        }
    }

    private static HttpClient Client(int port)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(1) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ViewsHost.User}:{ViewsHost.Password}")));
        return http;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(Dotnet)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        info.ArgumentList.Add(Program);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }
}
