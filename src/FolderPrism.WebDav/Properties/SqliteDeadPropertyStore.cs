using System.Xml.Linq;
using FolderPrism.Data;
using FolderPrism.Data.Entities;
using FolderPrism.WebDav.Paths;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.WebDav.Properties;

/// <summary>
/// <see cref="IDeadPropertyStore"/> on the <c>DeadProperties</c> table. Subtrees are addressed as the key range
/// [<c>p/</c>, <c>p0</c>) — '0' follows '/' in SQLite's binary collation — so moves and deletes are single statements.
/// </summary>
public sealed class SqliteDeadPropertyStore(IDbContextFactory<FolderPrismDbContext> factory) : IDeadPropertyStore
{
    public async Task<IReadOnlyList<DeadPropertyValue>> GetAsync(DavPath path, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.DeadProperties.AsNoTracking().Where(p => p.Path == path.Value).ToListAsync(cancellationToken);
        return rows.Select(ToValue).ToList();
    }

    public async Task<ILookup<string, DeadPropertyValue>> GetForListingAsync(DavPath collection, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = collection.Value;
        var rows = await db.DeadProperties.AsNoTracking()
            .Where(p => p.Path == key || p.Parent == key)
            .ToListAsync(cancellationToken);
        return rows.Select(ToValue).ToLookup(v => v.Path, StringComparer.Ordinal);
    }

    public async Task PatchAsync(DavPath path, IReadOnlyList<DeadPropertyChange> changes, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.DeadProperties.Where(p => p.Path == path.Value).ToListAsync(cancellationToken);
        foreach (var change in changes)
        {
            var ns = change.Name.NamespaceName;
            var local = change.Name.LocalName;
            var row = existing.FirstOrDefault(p => p.Namespace == ns && p.Name == local);
            if (change.Value is null)
            {
                if (row is not null)
                {
                    db.DeadProperties.Remove(row);
                    existing.Remove(row);
                }
            }
            else if (row is not null)
            {
                row.Value = change.Value;
            }
            else
            {
                row = new DeadProperty { Path = path.Value, Parent = ParentOf(path), Namespace = ns, Name = local, Value = change.Value };
                db.DeadProperties.Add(row);
                existing.Add(row);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task CopyAsync(DavPath from, DavPath to, bool recursive, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await DeleteSubtreeAsync(db, to, cancellationToken);
        var (lo, hi) = Range(from);
        var source = recursive
            ? db.DeadProperties.AsNoTracking().Where(p => p.Path == from.Value || (string.Compare(p.Path, lo) >= 0 && string.Compare(p.Path, hi) < 0))
            : db.DeadProperties.AsNoTracking().Where(p => p.Path == from.Value);
        foreach (var row in await source.ToListAsync(cancellationToken))
        {
            var target = Rebase(row.Path, from, to);
            db.DeadProperties.Add(new DeadProperty
            {
                Path = target.Value, Parent = ParentOf(target), Namespace = row.Namespace, Name = row.Name, Value = row.Value,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task MoveAsync(DavPath from, DavPath to, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await DeleteSubtreeAsync(db, to, cancellationToken);
        var (lo, hi) = Range(from);
        var fromKey = from.Value;
        var toKey = to.Value;
        var toParent = ParentOf(to);
        var skip = from.Value.EnumerateRunes().Count() + 1;
        await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE DeadProperties
            SET Parent = CASE WHEN Path = {fromKey} THEN {toParent} ELSE {toKey} || substr(Parent, {skip}) END,
                Path = {toKey} || substr(Path, {skip})
            WHERE Path = {fromKey} OR (Path >= {lo} AND Path < {hi})
            """,
            cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task DeleteAsync(DavPath path, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await DeleteSubtreeAsync(db, path, cancellationToken);
    }

    public async Task DeleteExceptAsync(DavPath path, IReadOnlySet<DavPath> survivors, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (lo, hi) = Range(path);
        var key = path.Value;
        var kept = survivors.Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
        var doomed = await db.DeadProperties
            .Where(p => p.Path == key || (string.Compare(p.Path, lo) >= 0 && string.Compare(p.Path, hi) < 0))
            .ToListAsync(cancellationToken);
        db.DeadProperties.RemoveRange(doomed.Where(p => !kept.Contains(p.Path)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Task<int> DeleteSubtreeAsync(FolderPrismDbContext db, DavPath path, CancellationToken cancellationToken)
    {
        var (lo, hi) = Range(path);
        var key = path.Value;
        return db.Database.ExecuteSqlAsync(
            $"DELETE FROM DeadProperties WHERE Path = {key} OR (Path >= {lo} AND Path < {hi})", cancellationToken);
    }

    private static (string Lo, string Hi) Range(DavPath path) =>
        path.IsRoot ? ("/", "0") : (path.Value + "/", path.Value + "0");

    private static DavPath Rebase(string stored, DavPath from, DavPath to)
    {
        var rest = stored.Length > from.Value.Length ? stored[(from.Value.Length + 1)..].Split('/') : [];
        return DavPath.FromSegments([.. to.Segments, .. rest]);
    }

    private static string ParentOf(DavPath path) => path.Parent?.Value ?? "/";

    private static DeadPropertyValue ToValue(DeadProperty p) => new(p.Path, XName.Get(p.Name, p.Namespace), p.Value);
}
