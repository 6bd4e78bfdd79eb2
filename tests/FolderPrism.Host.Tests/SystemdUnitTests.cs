namespace FolderPrism.Host.Tests;

/// <summary>
/// <c>systemd-analyze verify</c> on the shipped unit. verify refuses an ExecStart binary that does not exist,
/// so the unit is checked as a copy whose ExecStart points at a real executable (the rest is unchanged).
/// Works without systemd as PID 1 (containers, CI).
/// </summary>
public sealed class SystemdUnitTests
{
    private static string Unit => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "systemd", "folderprism.service"));

    [Fact]
    public async Task Shipped_unit_passes_systemd_analyze_verify()
    {
        using var dir = new TempDirectory();
        var result = await VerifyAsync(dir, Unit.Replace("/opt/folderprism/folderprism", FakeBinary(dir), StringComparison.Ordinal));
        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldNotContain("folderprism.service", Case.Insensitive, result.Error);
    }

    [Fact]
    public async Task Unit_has_the_required_settings()
    {
        var unit = Unit;
        foreach (var line in new[]
                 {
                     "Type=notify", "Restart=on-failure", "RestartSec=", "StartLimitIntervalSec=", "StartLimitBurst=",
                     "User=folderprism", "NoNewPrivileges=yes", "ProtectSystem=strict", "ReadWritePaths=", "PrivateTmp=yes",
                     "ProtectHome=yes", "ExecStart=/opt/folderprism/folderprism serve",
                 })
        {
            unit.ShouldContain("\n" + line);
        }

        // verify must be able to fail, or the test above proves nothing.
        using var dir = new TempDirectory();
        var broken = await VerifyAsync(dir, unit);
        broken.ExitCode.ShouldNotBe(0);
    }

    private static string FakeBinary(TempDirectory dir)
    {
        var path = Path.Combine(dir.Path, "folderprism");
        File.WriteAllText(path, "#!/bin/sh\nexit 0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    private static async Task<CliResult> VerifyAsync(TempDirectory dir, string unitText)
    {
        var unitPath = Path.Combine(dir.Path, "folderprism.service");
        await File.WriteAllTextAsync(unitPath, unitText);
        return await ProcessRunner.RunAsync("systemd-analyze", ["verify", unitPath],
            new Dictionary<string, string> { ["SYSTEMD_LOG_COLOR"] = "0" }, dir.Path);
    }
}
