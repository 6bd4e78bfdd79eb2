using FolderPrism.Core.Users;
using FolderPrism.Data;
using FolderPrism.Data.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Host.Tests;

/// <summary>Only tests lower the PBKDF2 cost: the daemon and the CLI, left alone, hash with the 600k default.</summary>
public sealed class DefaultIterationsTests
{
    [Fact]
    public async Task Daemon_without_a_test_override_uses_the_default_iterations()
    {
        using var dir = new TempDirectory();
        await using var app = FolderPrismServer.Build(new ServeSettings
        {
            LibraryPath = dir.Library, DataPath = dir.Data, Urls = "http://127.0.0.1:0", ConsoleLogging = false,
        });
        app.Services.GetRequiredService<PasswordHasher>().Iterations.ShouldBe(PasswordHasher.DefaultIterations);
    }

    [Fact]
    public async Task Cli_stores_hashes_with_the_default_iterations()
    {
        using var dir = new TempDirectory();
        var add = await CliRunner.RunAsync(
            ["users", "add", "nora", "--password-stdin", "--library", dir.Library, "--data", dir.Data], "nora-password\n");
        add.ExitCode.ShouldBe(0, add.Error);

        await using var db = new FolderPrismDbContext(new DbContextOptionsBuilder<FolderPrismDbContext>()
            .UseSqlite(DataServiceCollectionExtensions.ConnectionStringFor(Path.Combine(dir.Data, "folderprism.db")))
            .AddInterceptors(new SqlitePragmaInterceptor())
            .Options);
        var user = await db.Users.SingleAsync(u => u.Name == "nora");
        PasswordHasher.IterationsOf(user.PasswordHash).ShouldBe(600_000);
    }
}
