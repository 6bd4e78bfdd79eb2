namespace FolderPrism.Host.Tests;

public sealed class CliUsersTests
{
    [Fact]
    public async Task Users_add_list_passwd_remove_through_the_cli()
    {
        using var dir = new TempDirectory();
        string[] where = ["--library", dir.Library, "--data", dir.Data];

        var add = await CliRunner.RunAsync(["users", "add", "kim", "--role", "editor", "--password-stdin", .. where], "kim-password\n");
        add.ExitCode.ShouldBe(0, add.Error);
        add.Output.ShouldContain("added user 'kim' (editor)");
        add.Output.ShouldNotContain("kim-password");

        var generated = await CliRunner.RunAsync(["users", "add", "lou", .. where]);
        generated.ExitCode.ShouldBe(0, generated.Error);
        generated.Output.ShouldContain("(viewer)");
        generated.Output.ShouldContain("password: ");

        var duplicate = await CliRunner.RunAsync(["users", "add", "KIM", "--password-stdin", .. where], "kim-password\n");
        duplicate.ExitCode.ShouldBe(1);
        duplicate.ErrorLines.ShouldHaveSingleItem().ShouldBe("error: user 'KIM' already exists");

        var badRole = await CliRunner.RunAsync(["users", "add", "max", "--role", "root", "--password-stdin", .. where], "max-password\n");
        badRole.ExitCode.ShouldNotBe(0);

        var list = await CliRunner.RunAsync(["users", "list", .. where]);
        list.ExitCode.ShouldBe(0, list.Error);
        var lines = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[1].ShouldStartWith("kim");
        lines[1].ShouldContain("editor");
        lines[2].ShouldStartWith("lou");

        var shortPassword = await CliRunner.RunAsync(["users", "passwd", "kim", "--password-stdin", .. where], "short\n");
        shortPassword.ExitCode.ShouldBe(1);
        shortPassword.ErrorLines.ShouldHaveSingleItem().ShouldContain("at least 8");

        (await CliRunner.RunAsync(["users", "passwd", "kim", "--password-stdin", .. where], "kim-password-2\n")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync(["users", "remove", "lou", .. where])).ExitCode.ShouldBe(0);
        var missing = await CliRunner.RunAsync(["users", "remove", "lou", .. where]);
        missing.ExitCode.ShouldBe(1);
        missing.ErrorLines.ShouldHaveSingleItem().ShouldBe("error: user 'lou' does not exist");

        var status = await CliRunner.RunAsync(["status", .. where]);
        status.ExitCode.ShouldBe(0, status.Error);
        status.Output.ShouldContain("users:    1");
        status.Output.ShouldContain("daemon:   not running");
    }

    [Fact]
    public async Task Version_prints_the_informational_version()
    {
        var result = await CliRunner.RunAsync(["version"]);
        result.ExitCode.ShouldBe(0);
        result.Output.ShouldStartWith("folderprism 0.");
    }
}
