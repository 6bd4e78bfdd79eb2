using FolderPrism.Core.Users;
using FolderPrism.Data.Users;

namespace FolderPrism.Host.Tests;

public sealed class UserStoreTests
{
    [Fact]
    public async Task Add_list_passwd_remove_round_trip_through_sqlite()
    {
        await using var server = await RunningServer.StartAsync();
        var hasher = new PasswordHasher(RunningServer.TestIterations);

        var bob = await server.AddUserAsync("bob", UserRole.Editor, "first-password");
        bob.PasswordHash.ShouldNotContain("first-password");
        hasher.Verify("first-password", bob.PasswordHash).ShouldBeTrue();

        var names = (await server.Users.ListAsync(CancellationToken.None)).Select(u => u.Name).ToList();
        names.ShouldBe(["admin", "bob"]);

        await server.Users.SetPasswordAsync("bob", "second-password", CancellationToken.None);
        var changed = (await server.Users.FindAsync("BOB", CancellationToken.None)).ShouldNotBeNull();
        hasher.Verify("second-password", changed.PasswordHash).ShouldBeTrue();
        hasher.Verify("first-password", changed.PasswordHash).ShouldBeFalse();

        await server.Users.RemoveAsync("bob", CancellationToken.None);
        (await server.Users.FindAsync("bob", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Duplicate_names_bad_names_short_passwords_and_the_last_admin_are_refused()
    {
        await using var server = await RunningServer.StartAsync();
        await server.AddUserAsync("carol", UserRole.Viewer, "long-enough");

        (await Should.ThrowAsync<UserStoreException>(() => server.AddUserAsync("CAROL", UserRole.Viewer, "long-enough")))
            .Message.ShouldContain("already exists");
        (await Should.ThrowAsync<UserStoreException>(() => server.AddUserAsync("a:b", UserRole.Viewer, "long-enough")))
            .Message.ShouldContain("user name");
        (await Should.ThrowAsync<UserStoreException>(() => server.AddUserAsync("dave", UserRole.Viewer, "short")))
            .Message.ShouldContain("at least 8");
        (await Should.ThrowAsync<UserStoreException>(() => server.Users.RemoveAsync("admin", CancellationToken.None)))
            .Message.ShouldContain("last admin");
        (await Should.ThrowAsync<UserStoreException>(() => server.Users.RemoveAsync("nobody", CancellationToken.None)))
            .Message.ShouldContain("does not exist");
    }
}
