using FolderPrism.Core.Users;
using FolderPrism.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Data;

/// <summary>The daemon's single SQLite database. Entity mappings live in <c>Configurations/</c>, one per entity.</summary>
public sealed class FolderPrismDbContext(DbContextOptions<FolderPrismDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<DeadProperty> DeadProperties => Set<DeadProperty>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FolderPrismDbContext).Assembly);
    }
}
