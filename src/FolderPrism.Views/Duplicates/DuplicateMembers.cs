using System.Data.Common;
using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.Views.Items;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Duplicates;

/// <summary>
/// The rows behind every duplicate group, for a cold <c>/Duplicates</c> listing: the visible items sharing a hash of
/// <c>DuplicateHashes</c> and the visible kept items of displaced versions (one statement), and the displaced versions,
/// read through the context's open connection with a plain data reader. Profiling the cold root showed the EF materializer (a null check and a typed
/// read per column, nine columns) costing as much as SQLite's own seeks for these ~1,500 scattered rows; visibility is
/// checked in SQL with "+" on its columns so SQLite still seeks the hash and id indexes (not the visible-by-date range).
/// </summary>
internal static class DuplicateMembers
{
    private const string Columns = "\"Id\", \"RelativePath\", \"Size\", \"TakenLocal\", \"TakenOffsetMinutes\", \"ContentHash\", \"FirstSeenAt\"";

    private const string Visible = "+\"State\" = 0 AND +\"TrashedAt\" IS NULL AND +\"TakenLocal\" IS NOT NULL";

    private const string Sql =
        "SELECT 0, " + Columns + " FROM \"MediaItems\" WHERE \"ContentHash\" IN (SELECT \"ContentHash\" FROM \"DuplicateHashes\") AND " + Visible
        + " UNION ALL SELECT 1, " + Columns + " FROM \"MediaItems\" WHERE \"Id\" IN (SELECT \"KeptItemId\" FROM \"DisplacedVersions\") AND " + Visible;

    /// <summary>The same rows, each as one packed value (<see cref="PackedEntries"/>) tagged 0 (exact) or 1 (kept).</summary>
    private const string PackedSql =
        "SELECT '0' || " + PackedEntries.Expression + " FROM \"MediaItems\" WHERE \"ContentHash\" IN (SELECT \"ContentHash\" FROM \"DuplicateHashes\") AND " + Visible
        + " UNION ALL SELECT '1' || " + PackedEntries.Expression + " FROM \"MediaItems\" WHERE \"Id\" IN (SELECT \"KeptItemId\" FROM \"DisplacedVersions\") AND " + Visible;

    private const string DisplacedSql =
        "SELECT \"Id\", \"KeptItemId\", \"HoldingPath\", \"ContentHash\", \"Size\", \"DisplacedAt\" FROM \"DisplacedVersions\" ORDER BY \"Id\"";

    /// <summary>The same columns as one value per row (as <see cref="PackedEntries"/>; the holding path last).</summary>
    private const string PackedDisplacedSql =
        "SELECT \"Id\" || char(31) || \"KeptItemId\" || char(31) || \"Size\" || char(31) || \"DisplacedAt\" || char(31) || "
        + "CASE WHEN instr(\"ContentHash\", char(31)) > 0 THEN 'X' ELSE 'H' || \"ContentHash\" END || char(31) || \"HoldingPath\" "
        + "FROM \"DisplacedVersions\" ORDER BY \"Id\"";

    /// <summary>Every displaced version with only what groups and their files use (no source path, pixel size, MIME type or distance).</summary>
    public static async Task<List<DisplacedVersion>> DisplacedAsync(FolderPrismDbContext db, CancellationToken cancellationToken) =>
        await DisplacedPackedAsync(db, cancellationToken) ?? await DisplacedColumnsAsync(db, cancellationToken);

    /// <summary>Null when a row needs the column-by-column read (a field in a form not parsed here exactly).</summary>
    private static async Task<List<DisplacedVersion>?> DisplacedPackedAsync(FolderPrismDbContext db, CancellationToken cancellationToken)
    {
        var versions = new List<DisplacedVersion>();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = PackedDisplacedSql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(0) || PackedEntries.ParseDisplaced(reader.GetString(0)) is not { } version)
            {
                return null;
            }

            versions.Add(version);
        }

        return versions;
    }

    private static async Task<List<DisplacedVersion>> DisplacedColumnsAsync(FolderPrismDbContext db, CancellationToken cancellationToken)
    {
        var versions = new List<DisplacedVersion>();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = DisplacedSql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new DisplacedVersion
            {
                Id = reader.GetInt64(0), KeptItemId = reader.GetGuid(1), HoldingPath = reader.GetString(2), OriginalSource = "",
                ContentHash = reader.GetString(3), Size = reader.GetInt64(4), DisplacedAt = IndexDates.ReadDateTimeOffset(reader, 5),
            });
        }

        return versions;
    }

    /// <summary>The visible members of shared hashes (<c>Exact</c>) and the visible kept items of displaced versions (<c>Kept</c>).</summary>
    public static async Task<(List<ViewEntry> Exact, List<ViewEntry> Kept)> ReadAsync(FolderPrismDbContext db, CancellationToken cancellationToken) =>
        await ReadPackedAsync(db, cancellationToken) ?? await ReadColumnsAsync(db, cancellationToken);

    /// <summary>Null when a row needs the column-by-column read.</summary>
    private static async Task<(List<ViewEntry> Exact, List<ViewEntry> Kept)?> ReadPackedAsync(FolderPrismDbContext db, CancellationToken cancellationToken)
    {
        var exact = new List<ViewEntry>();
        var kept = new List<ViewEntry>();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = PackedSql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!PackedEntries.TryReadTagged(reader, 0, out var tag, out var entry))
            {
                return null;
            }

            (tag == '0' ? exact : kept).Add(entry!);
        }

        return (exact, kept);
    }

    private static async Task<(List<ViewEntry> Exact, List<ViewEntry> Kept)> ReadColumnsAsync(FolderPrismDbContext db, CancellationToken cancellationToken)
    {
        var exact = new List<ViewEntry>();
        var kept = new List<ViewEntry>();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            (reader.GetInt32(0) == 0 ? exact : kept).Add(Entry(reader));
        }

        return (exact, kept);
    }

    private static ViewEntry Entry(DbDataReader reader) => new(
        reader.GetGuid(1), reader.GetString(2), reader.GetInt64(3), IndexDates.ReadDateTime(reader, 4),
        reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6),
        IndexDates.ReadDateTimeOffset(reader, 7));
}
