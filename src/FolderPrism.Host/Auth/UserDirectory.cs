using System.Collections.Concurrent;
using FolderPrism.Core.Configuration;
using FolderPrism.Core.Users;
using FolderPrism.Data;
using FolderPrism.Host.Configuration;
using Microsoft.Extensions.Options;

namespace FolderPrism.Host.Auth;

/// <summary>
/// User rows by name, re-read from SQLite at most every <see cref="AuthOptions.UserRefreshSeconds"/>.
/// The stored hash string is what invalidates cached logins, and the CLI changes it from another
/// process, so this is the only place that needs to look at the database again.
/// </summary>
internal sealed class UserDirectory(
    IOptions<DataOptions> data, IOptions<AuthOptions> options, TimeProvider clock)
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

        var user = await ReadAsync(name, cancellationToken);
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[name] = new Entry(user, now);
        return user;
    }

    // Runs every few seconds per active login, so plain SQL (see SqliteReads). Name has NOCASE collation, as in EF.
    private async Task<User?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await SqliteReads.OpenAsync(data.Value.DatabasePath, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Name, Role, PasswordHash, CreatedAt FROM Users WHERE Name = $name LIMIT 1";
        command.Parameters.AddWithValue("$name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new User
        {
            Id = reader.GetInt32(0),
            Name = reader.GetString(1),
            Role = Enum.Parse<UserRole>(reader.GetString(2)),
            PasswordHash = reader.GetString(3),
            CreatedAt = reader.GetDateTimeOffset(4),
        };
    }

    private sealed record Entry(User? User, DateTimeOffset FetchedAt);
}
