using System.Data.Common;
using System.Globalization;
using FolderPrism.Core.Library;

namespace FolderPrism.Views.Items;

/// <summary>
/// Listing rows read as ONE text value per row that SQLite builds itself (the seven <see cref="ViewEntry"/> columns
/// joined by U+001F), parsed here by position. Profiling a cold 1,000-item month showed the per-column reads of
/// Microsoft.Data.Sqlite (a type check and a value read per column, each a native call with SafeHandle reference
/// counting, plus a string for the id and each date) at about a third of the listing; one value per row is one type
/// check and one text read. Any field this parser does not take exactly as the provider would (a NULL, a number
/// stored as text, an id or date in another format, a hash containing the separator) makes the caller re-read the
/// rows the usual way, so results never differ from <see cref="EntryReader"/>.
/// </summary>
internal static class PackedEntries
{
    private const char Separator = '\u001f';

    /// <summary>
    /// The packed row over the bare column names <c>Id, RelativePath, Size, TakenLocal, TakenOffsetMinutes, ContentHash,
    /// FirstSeenAt</c>: NULL when any of them is NULL except the offset and the hash (marked: N = none, H = hash,
    /// X = hash containing the separator: the caller falls back). The path comes last, so it may hold any character.
    /// </summary>
    public const string Expression =
        "\"Id\" || char(31) || \"Size\" || char(31) || \"TakenLocal\" || char(31) || ifnull(\"TakenOffsetMinutes\", '') || char(31) || "
        + "\"FirstSeenAt\" || char(31) || CASE WHEN \"ContentHash\" IS NULL THEN 'N' WHEN instr(\"ContentHash\", char(31)) > 0 THEN 'X' "
        + "ELSE 'H' || \"ContentHash\" END || char(31) || \"RelativePath\"";

    /// <summary>
    /// Wraps a query selecting the seven columns by name (EF's SQL for <see cref="ItemQueries.ToEntries"/>) so it returns
    /// the packed row; the inner query keeps its ORDER BY/LIMIT (SQLite flattens the wrapper: same plan, same order).
    /// </summary>
    public static string Wrap(string innerSql) => "SELECT " + Expression + " FROM (" + innerSql + ")";

    /// <summary>Reads column <paramref name="ordinal"/> of the current row; false when the row needs the column-by-column read.</summary>
    public static bool TryRead(DbDataReader reader, int ordinal, out ViewEntry? entry)
    {
        entry = null;
        return !reader.IsDBNull(ordinal) && TryParse(reader.GetString(ordinal), 0, out entry);
    }

    /// <summary>
    /// Reads column <paramref name="ordinal"/> of the current row, a packed row after a one-character tag (e.g.
    /// <c>'0' || Expression</c>: one value per row for a UNION of kinds); false when the row needs the usual read.
    /// </summary>
    public static bool TryReadTagged(DbDataReader reader, int ordinal, out char tag, out ViewEntry? entry)
    {
        entry = null;
        tag = default;
        if (reader.IsDBNull(ordinal))
        {
            return false;
        }

        var row = reader.GetString(ordinal);
        if (row.Length == 0)
        {
            return false;
        }

        tag = row[0];
        return TryParse(row, 1, out entry);
    }

    /// <summary>Every row of <paramref name="command"/> (one packed column); null when any row needs the usual read.</summary>
    public static async Task<List<ViewEntry>?> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ViewEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!TryRead(reader, 0, out var entry))
            {
                return null;
            }

            entries.Add(entry!);
        }

        return entries;
    }

    /// <summary>The packed row starting at <paramref name="start"/> of <paramref name="row"/>.</summary>
    public static bool TryParse(string row, int start, out ViewEntry? entry)
    {
        entry = null;
        var s = row.AsSpan(start);
        if (!Next(ref s, out var id) || !Next(ref s, out var size) || !Next(ref s, out var taken) || !Next(ref s, out var offset)
            || !Next(ref s, out var firstSeen) || !Next(ref s, out var hash) || hash.Length == 0 || hash[0] is not ('N' or 'H'))
        {
            return false;
        }

        int? offsetMinutes = null;
        if (offset.Length > 0)
        {
            if (!int.TryParse(offset, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var minutes))
            {
                return false;
            }

            offsetMinutes = minutes;
        }

        if (!Guid.TryParseExact(id, "D", out var guid)
            || !long.TryParse(size, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var length)
            || !IndexDates.TryParseDateTime(taken, out var takenLocal)
            || !IndexDates.TryParseDateTimeOffset(firstSeen, out var firstSeenAt))
        {
            return false;
        }

        var path = row[(row.Length - s.Length)..];
        entry = new ViewEntry(guid, path, length, takenLocal, offsetMinutes, hash[0] == 'N' ? null : hash[1..].ToString(), firstSeenAt);
        return true;
    }

    /// <summary>
    /// A displaced version packed as <c>Id, KeptItemId, Size, DisplacedAt, H+ContentHash, HoldingPath</c> (the columns
    /// groups use; <see cref="DisplacedVersion.OriginalSource"/> left empty); null when the usual read must decide.
    /// </summary>
    public static DisplacedVersion? ParseDisplaced(string row)
    {
        var s = row.AsSpan();
        if (!Next(ref s, out var id) || !Next(ref s, out var kept) || !Next(ref s, out var size) || !Next(ref s, out var displacedAt)
            || !Next(ref s, out var hash) || hash.Length == 0 || hash[0] != 'H'
            || !long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rowId)
            || !Guid.TryParseExact(kept, "D", out var keptId)
            || !long.TryParse(size, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var length)
            || !IndexDates.TryParseDateTimeOffset(displacedAt, out var at))
        {
            return null;
        }

        return new DisplacedVersion
        {
            Id = rowId, KeptItemId = keptId, HoldingPath = row[(row.Length - s.Length)..], OriginalSource = "",
            ContentHash = hash[1..].ToString(), Size = length, DisplacedAt = at,
        };
    }

    /// <summary>The field up to the next separator; <paramref name="rest"/> moves past it.</summary>
    private static bool Next(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> field)
    {
        var at = rest.IndexOf(Separator);
        if (at < 0)
        {
            field = default;
            return false;
        }

        field = rest[..at];
        rest = rest[(at + 1)..];
        return true;
    }
}
