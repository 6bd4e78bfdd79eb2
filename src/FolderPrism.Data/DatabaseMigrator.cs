using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Data;

/// <summary>Applies pending migrations, so every verb (daemon or CLI) works on an up-to-date schema.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<FolderPrismDbContext> factory)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
