using FolderPrism.Data.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FolderPrism.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the daemon.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FolderPrismDbContext>
{
    public FolderPrismDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FolderPrismDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .AddInterceptors(new SqlitePragmaInterceptor())
            .Options;
        return new FolderPrismDbContext(options);
    }
}
