using System.Data.Common;
using FolderPrism.Core.Library;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Items;

/// <summary>
/// Reads listing rows (<see cref="ViewEntry"/>) from an EF-composed query with a plain data reader: EF builds the SQL
/// (<c>CreateDbCommand</c>), this reads the columns by name. Profiling a cold 1,000-item month showed EF's
/// materializer (a null check and a typed read per column, dates through the general <c>DateTime.Parse</c>) at about
/// half of the listing's time, more than SQLite's own reads; dates here go through <see cref="IndexDates"/>.
/// When the query also selects <c>State</c> and <c>TrashedAt</c>, rows that are not visible are left out (lookups by key
/// check visibility here, not in SQL, so SQLite seeks the key's index).
/// </summary>
internal static class EntryReader
{
    public static async Task<List<ViewEntry>> ReadAsync<T>(FolderPrismDbContext db, IQueryable<T> query, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken); // the command runs on the context's connection
        await using var command = query.CreateDbCommand();
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>
    /// A listing projection (<see cref="ItemQueries.ToEntries"/>): read as one packed value per row
    /// (<see cref="PackedEntries"/>), or column by column when a row needs it.
    /// </summary>
    public static async Task<List<ViewEntry>> ReadEntriesAsync(FolderPrismDbContext db, IQueryable<ViewEntry> query, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken); // the command runs on the context's connection
        await using var command = query.CreateDbCommand();
        var sql = command.CommandText;
        command.CommandText = PackedEntries.Wrap(sql);
        if (await PackedEntries.ReadAsync(command, cancellationToken) is { } packed)
        {
            return packed;
        }

        command.CommandText = sql;
        return await ReadAsync(command, cancellationToken);
    }

    public static async Task<List<ViewEntry>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ViewEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = new Columns(reader);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (columns.IsVisible(reader))
            {
                entries.Add(columns.Entry(reader));
            }
        }

        return entries;
    }

    /// <summary>The ordinals of the listing columns in one result set (EF names them after the entity's columns).</summary>
    private sealed class Columns
    {
        private readonly int _id;
        private readonly int _relativePath;
        private readonly int _size;
        private readonly int _takenLocal;
        private readonly int _takenOffset;
        private readonly int _contentHash;
        private readonly int _firstSeenAt;
        private readonly int _state = -1;
        private readonly int _trashedAt = -1;

        public Columns(DbDataReader reader)
        {
            _id = reader.GetOrdinal(nameof(ViewEntry.Id));
            _relativePath = reader.GetOrdinal(nameof(ViewEntry.RelativePath));
            _size = reader.GetOrdinal(nameof(ViewEntry.Size));
            _takenLocal = reader.GetOrdinal(nameof(ViewEntry.TakenLocal));
            _takenOffset = reader.GetOrdinal(nameof(ViewEntry.TakenOffsetMinutes));
            _contentHash = reader.GetOrdinal(nameof(ViewEntry.ContentHash));
            _firstSeenAt = reader.GetOrdinal(nameof(ViewEntry.FirstSeenAt));
            for (var i = 0; i < reader.FieldCount; i++)
            {
                switch (reader.GetName(i))
                {
                    case nameof(MediaItem.State):
                        _state = i;
                        break;
                    case nameof(MediaItem.TrashedAt):
                        _trashedAt = i;
                        break;
                }
            }
        }

        public bool IsVisible(DbDataReader reader) =>
            (_state < 0 || reader.GetInt32(_state) == (int)ItemState.Present)
            && (_trashedAt < 0 || reader.IsDBNull(_trashedAt))
            && !reader.IsDBNull(_takenLocal);

        public ViewEntry Entry(DbDataReader reader)
        {
            var offset = reader.IsDBNull(_takenOffset) ? (int?)null : reader.GetInt32(_takenOffset);
            var hash = reader.IsDBNull(_contentHash) ? null : reader.GetString(_contentHash);
            return new ViewEntry(
                reader.GetGuid(_id), reader.GetString(_relativePath), reader.GetInt64(_size), IndexDates.ReadDateTime(reader, _takenLocal),
                offset, hash, IndexDates.ReadDateTimeOffset(reader, _firstSeenAt));
        }
    }
}
