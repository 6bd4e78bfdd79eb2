using System.Collections.Concurrent;
using FolderPrism.Core.Configuration;
using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.WebDav.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FolderPrism.Views.ETags;

/// <summary>
/// Serves the indexed content hash as the ETag of files under <c>Originals/</c>, so a photo has the same strong ETag
/// there and in every view. The rows of one folder are loaded with one indexed range query and kept a few seconds,
/// so a listing costs one query, not one per file; a row is used only while the file's size and mtime still match
/// what was hashed, otherwise (and for unindexed files) the stat ETag is served.
/// </summary>
/// <remarks>
/// This runs once per listed file (10,000 times for a big folder), so the per-file path does no path normalisation,
/// no clock read and no allocation beyond the returned string: the folder is matched against the last one served by
/// an ordinal prefix compare, names are looked up as spans, and the cache age comes from the monotonic tick count.
/// </remarks>
public sealed class IndexedEntityTagProvider(
    IDbContextFactory<FolderPrismDbContext> contexts, IOptions<LibraryOptions> library) : IEntityTagProvider
{
    /// <summary>
    /// One folder's rows: a range of the RelativePath index. The unary <c>+</c> keeps SQLite (which has no statistics
    /// here) from preferring the State index, with which it read every present item of the library for each folder:
    /// 3 ms instead of 0.1 ms for a 100-file folder in a 10,000-item library, and a pooled connection's whole 2 MB page
    /// cache filled with it (measured: 9 connections, 13 MB more RSS under bench-dav's 32-client load).
    /// </summary>
    internal const string FolderQuery =
        "SELECT RelativePath, Size, ModifiedUtc, ContentHash FROM MediaItems " +
        "WHERE RelativePath >= $low AND RelativePath < $high AND +State = $present AND ContentHash IS NOT NULL " +
        "AND instr(substr(RelativePath, $start), '/') = 0";

    private const string RootQuery =
        "SELECT RelativePath, Size, ModifiedUtc, ContentHash FROM MediaItems " +
        "WHERE State = $present AND ContentHash IS NOT NULL AND instr(RelativePath, '/') = 0";

    private const int MaxCachedFolders = 256;
    private const long LifetimeMs = 3000;

    private readonly FileStatEntityTagProvider _fallback = new();
    private readonly string _originals = Path.TrimEndingDirectorySeparator(Path.GetFullPath(library.Value.OriginalsPath));
    private readonly ConcurrentDictionary<string, FolderHashes> _folders = new(StringComparer.Ordinal);
    private volatile FolderHashes? _last;
    private string? _connectionString;

    public string GetETag(FileInfo file)
    {
        var full = file.FullName;
        var nameStart = full.LastIndexOf(Path.DirectorySeparatorChar) + 1;
        if (nameStart <= _originals.Length || !full.StartsWith(_originals, StringComparison.Ordinal)
            || full[_originals.Length] != Path.DirectorySeparatorChar)
        {
            return _fallback.GetETag(file);
        }

        // "" for Originals/ itself, else "2019/07" (the key the index uses, with '/').
        var folderSpan = nameStart - 1 > _originals.Length
            ? full.AsSpan(_originals.Length + 1, nameStart - 2 - _originals.Length)
            : [];
        var now = Environment.TickCount64;
        var hashes = _last;
        if (hashes is null || now - hashes.LoadedAtMs > LifetimeMs || !SameFolder(hashes.Folder, folderSpan))
        {
            hashes = Find(folderSpan.ToString(), now);
            _last = hashes;
        }

        return hashes.Rows.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(full.AsSpan(nameStart), out var row)
               && row.Size == file.Length && row.ModifiedTicks == file.LastWriteTimeUtc.Ticks
            ? row.ETag
            : _fallback.GetETag(file);
    }

    private static bool SameFolder(string folder, ReadOnlySpan<char> path)
    {
        if (folder.Length != path.Length)
        {
            return false;
        }

        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i] == Path.DirectorySeparatorChar ? '/' : path[i];
            if (c != folder[i])
            {
                return false;
            }
        }

        return true;
    }

    private FolderHashes Find(string folder, long now)
    {
        folder = folder.Replace(Path.DirectorySeparatorChar, '/');
        if (_folders.TryGetValue(folder, out var hashes) && now - hashes.LoadedAtMs <= LifetimeMs)
        {
            return hashes;
        }

        // Expired folders go now rather than at the cap: a 10,000-file folder's rows are a few MB of heap.
        foreach (var (key, old) in _folders)
        {
            if (now - old.LoadedAtMs > LifetimeMs)
            {
                _folders.TryRemove(key, out _);
            }
        }

        if (_folders.Count >= MaxCachedFolders)
        {
            _folders.Clear();
        }

        hashes = new FolderHashes(folder, now, Load(folder));
        _folders[folder] = hashes;
        return hashes;
    }

    // Plain ADO.NET, not a LINQ query: this is the only database read of a listing under Originals/, and EF Core's
    // query pipeline would keep its code (~10 MB of EF Core, Relational and System.Linq.Expressions pages) resident in
    // a daemon that is otherwise only serving files.
    private Dictionary<string, HashRow> Load(string folder)
    {
        var rows = new Dictionary<string, HashRow>(StringComparer.Ordinal);
        using var connection = new SqliteConnection(_connectionString ??= ConnectionString());
        connection.Open();
        using var command = connection.CreateCommand();
        var prefix = folder.Length == 0 ? string.Empty : folder + "/";
        command.CommandText = folder.Length == 0 ? RootQuery : FolderQuery;
        command.Parameters.AddWithValue("$present", (int)ItemState.Present);
        if (folder.Length > 0)
        {
            command.Parameters.AddWithValue("$low", prefix);
            command.Parameters.AddWithValue("$high", folder + "0"); // '0' follows '/': every path under folder/ sorts below
            command.Parameters.AddWithValue("$start", prefix.Length + 1);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var name = reader.GetString(0)[prefix.Length..];
            var modified = reader.GetDateTimeOffset(2);
            rows[name] = new HashRow(reader.GetInt64(1), modified.UtcTicks, "\"" + reader.GetString(3) + "\"");
        }

        return rows;
    }

    private string ConnectionString()
    {
        using var db = contexts.CreateDbContext();
        return db.Database.GetConnectionString()!;
    }

    private sealed record HashRow(long Size, long ModifiedTicks, string ETag);

    private sealed record FolderHashes(string Folder, long LoadedAtMs, Dictionary<string, HashRow> Rows);
}
