using System.Collections.Concurrent;
using FolderPrism.Core.Users;
using FolderPrism.Data;
using FolderPrism.Host.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FolderPrism.Host.Auth;

/// <summary>
/// User rows by name, re-read from SQLite at most every <see cref="AuthOptions.UserRefreshSeconds"/>.
/// The stored hash string is what invalidates cached logins, and the CLI changes it from another
/// process, so this is the only place that needs to look at the database again.
/// </summary>
internal sealed class UserDirectory(
    IDbContextFactory<FolderPrismDbContext> factory, IOptions<AuthOptions> options, TimeProvider clock)
{
    private const int MaxEntries = 4096;
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.OrdinalIgnoreCase);

    public async Task<User?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(name, out var cached)
            && now - cached.FetchedAt < TimeSpan.FromSeconds(options.Value.UserRefreshSeconds))
        {
            return cached.User;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Name == name, cancellationToken);
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[name] = new Entry(user, now);
        return user;
    }

    private sealed record Entry(User? User, DateTimeOffset FetchedAt);
}
