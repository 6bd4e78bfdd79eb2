using FolderPrism.Core.Users;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Data.Users;

/// <summary>
/// The users table, used by the CLI verbs and by the daemon's first-start bootstrap.
/// Every change of a password replaces the stored hash string, which is what the auth cache
/// compares to notice a change made by another process.
/// </summary>
public sealed class UserStore(IDbContextFactory<FolderPrismDbContext> factory, PasswordHasher hasher, TimeProvider clock)
{
    public async Task<User> AddAsync(string name, UserRole role, string password, CancellationToken cancellationToken)
    {
        Check(UserNames.Problem(name));
        Check(PasswordPolicy.Problem(password));
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.Name == name, cancellationToken))
        {
            throw new UserStoreException($"user '{name}' already exists");
        }

        var user = new User
        {
            Name = name,
            Role = role,
            PasswordHash = hasher.Hash(password),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            // Lost a race with another process adding the same name (unique index).
            throw new UserStoreException($"user '{name}' already exists");
        }

        return user;
    }

    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        return [.. users.OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<User?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Name == name, cancellationToken);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Users.CountAsync(cancellationToken);
    }

    /// <summary>Removes a user; refuses to remove the last admin, who is the only one able to manage users.</summary>
    public async Task RemoveAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Name == name, cancellationToken)
            ?? throw new UserStoreException($"user '{name}' does not exist");
        if (user.Role == UserRole.Admin
            && await db.Users.CountAsync(u => u.Role == UserRole.Admin, cancellationToken) == 1)
        {
            throw new UserStoreException($"user '{name}' is the last admin and cannot be removed");
        }

        db.Users.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetPasswordAsync(string name, string password, CancellationToken cancellationToken)
    {
        Check(PasswordPolicy.Problem(password));
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Name == name, cancellationToken)
            ?? throw new UserStoreException($"user '{name}' does not exist");
        user.PasswordHash = hasher.Hash(password);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Check(string? problem)
    {
        if (problem is not null)
        {
            throw new UserStoreException(problem);
        }
    }
}
