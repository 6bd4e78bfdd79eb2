namespace FolderPrism.Host.Tests;

/// <summary>The built program itself: environment variables reach the options, errors are one line.</summary>
public sealed class BinaryTests
{
    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string Program => Path.Combine(AppContext.BaseDirectory, "folderprism.dll");

    [Fact]
    public async Task Environment_variable_with_a_bad_value_exits_2_with_one_line_and_no_stack_trace()
    {
        using var dir = new TempDirectory();
        var result = await ProcessRunner.RunAsync(Dotnet, [Program, "status", "--data", dir.Data],
            new Dictionary<string, string> { ["FOLDERPRISM__Library__Path"] = "/proc/folderprism-nope" }, dir.Path);
        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: Library:Path:");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Environment_variables_configure_the_library_and_cli_options_win_over_them()
    {
        using var dir = new TempDirectory();
        var fromEnv = Path.Combine(dir.Path, "env-library");
        var env = new Dictionary<string, string> { ["FOLDERPRISM__Library__Path"] = fromEnv, ["FOLDERPRISM__Data__Path"] = dir.Data };

        var viaEnv = await ProcessRunner.RunAsync(Dotnet, [Program, "status"], env, dir.Path);
        viaEnv.ExitCode.ShouldBe(0, viaEnv.Error);
        viaEnv.Output.ShouldContain($"library:  {fromEnv}");

        var viaCli = await ProcessRunner.RunAsync(Dotnet, [Program, "status", "--library", dir.Library], env, dir.Path);
        viaCli.ExitCode.ShouldBe(0, viaCli.Error);
        viaCli.Output.ShouldContain($"library:  {dir.Library}");
    }
}
