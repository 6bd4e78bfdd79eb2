using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace FolderPrism.Host.Tests;

/// <summary>
/// The real binary under a (stand-in) systemd: <c>Type=notify</c> needs READY=1 once the daemon listens, and
/// SIGTERM (systemctl stop) must stop it cleanly. .NET only talks to NOTIFY_SOCKET when its parent process is
/// called <c>systemd</c>, so the parent here is a copy of /bin/sh named systemd; no real systemd is required.
/// </summary>
public sealed class SystemdNotifyTests
{
    [Fact]
    public async Task Serve_notifies_ready_then_stopping_and_exits_0_on_sigterm()
    {
        using var dir = new TempDirectory();
        var fakeSystemd = Path.Combine(dir.Path, "systemd");
        File.Copy("/bin/sh", fakeSystemd);
        var socketPath = Path.Combine(dir.Path, "notify.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));

        var info = new ProcessStartInfo(fakeSystemd)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dir.Path,
        };
        // "; exit $?" keeps the shell alive as the daemon's parent (no exec of the last command).
        foreach (var arg in new[] { "-c", "\"$0\" \"$@\"; exit $?", Dotnet, Program, "serve", "--urls", "http://127.0.0.1:0",
                     "--library", dir.Library, "--data", dir.Data })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NOTIFY_SOCKET"] = socketPath;
        using var process = Process.Start(info).ShouldNotBeNull();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            (await ReceiveAsync(socket)).ShouldContain("READY=1");

            var stateFile = Path.Combine(dir.Data, Startup.DaemonState.FileName);
            while (!File.Exists(stateFile))
            {
                await Task.Delay(50, TestContext.Timeout); // written by the same "started" event as READY=1
            }

            var state = System.Text.Json.JsonSerializer.Deserialize<Startup.DaemonState>(
                await File.ReadAllTextAsync(stateFile)).ShouldNotBeNull();
            using (var http = new HttpClient())
            {
                (await http.GetStringAsync(new Uri(new Uri(state.Urls.Single()), "/healthz"), TestContext.Timeout)).ShouldBe("ok");
            }

            (await ProcessRunner.RunAsync("kill", ["-TERM", state.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                .ExitCode.ShouldBe(0);
            (await ReceiveAsync(socket)).ShouldContain("STOPPING=1");
            await process.WaitForExitAsync(TestContext.Timeout);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.ExitCode.ShouldBe(0, await error);
        File.Exists(Path.Combine(dir.Data, "daemon.json")).ShouldBeFalse();
        var stdout = await output;
        stdout.Split("password:").Length.ShouldBe(2, stdout); // the first-start admin password, printed exactly once
    }

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string Program => Path.Combine(AppContext.BaseDirectory, "folderprism.dll");

    private static async Task<string> ReceiveAsync(Socket socket)
    {
        var buffer = new byte[4096];
        var count = await socket.ReceiveAsync(buffer, SocketFlags.None, TestContext.Timeout);
        return Encoding.UTF8.GetString(buffer, 0, count);
    }
}
