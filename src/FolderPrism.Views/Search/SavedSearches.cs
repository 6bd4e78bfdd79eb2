using FolderPrism.Core.Library;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Search;

/// <summary>
/// The <c>Search/</c> folders users created (see <see cref="SavedSearch"/>). Names compare case-insensitively, as the
/// Windows and macOS clients that create them do, and keep the spelling of their latest creation or rename.
/// </summary>
internal sealed class SavedSearches(IDbContextFactory<FolderPrismDbContext> contexts, TimeProvider time)
{
    public async Task<List<string>> NamesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SavedSearches.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(cancellationToken);
    }

    public async Task<bool> IsSavedAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SavedSearches.AnyAsync(s => s.Name == name, cancellationToken);
    }

    /// <summary>Saves <paramref name="name"/>; a name already saved (in any case) is left as it is.</summary>
    public Task SaveAsync(string name, CancellationToken cancellationToken) => RenameAsync(null, name, cancellationToken);

    /// <summary>
    /// Forgets <paramref name="from"/> (when given) and saves <paramref name="to"/>, in one transaction: a rename, a
    /// merge onto a name already saved, or a change of case only.
    /// </summary>
    public async Task RenameAsync(string? from, string to, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (from is not null)
        {
            await db.SavedSearches.Where(s => s.Name == from).ExecuteDeleteAsync(cancellationToken);
        }

        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO SavedSearches (Name, CreatedAt) VALUES ({to}, {time.GetUtcNow()}) ON CONFLICT (Name) DO NOTHING",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RemoveAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SavedSearches.Where(s => s.Name == name).ExecuteDeleteAsync(cancellationToken);
    }
}
