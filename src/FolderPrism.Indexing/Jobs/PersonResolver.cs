using FolderPrism.Core.Library;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Indexing.Jobs;

/// <summary>Finds or creates a person by name (case-insensitive), inside the caller's transaction.</summary>
public static class PersonResolver
{
    public static async Task<Person> GetOrCreateAsync(FolderPrismDbContext db, string name, CancellationToken cancellationToken)
    {
        var person = db.People.Local.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                     ?? await db.People.SingleOrDefaultAsync(p => p.Name == name, cancellationToken);
        if (person is null)
        {
            person = new Person { Name = name, CreatedAt = DateTimeOffset.UtcNow };
            db.People.Add(person);
            await db.SaveChangesAsync(cancellationToken);
        }

        return person;
    }
}
