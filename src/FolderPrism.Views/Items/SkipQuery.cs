using System.Data;
using System.Data.Common;
using FolderPrism.Core.Library;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Items;

/// <summary>
/// One step of the year/month/day skip-scan (<see cref="ItemQueries.YearsAsync"/>): the first capture time from a point
/// on, as ONE command that EF composes once and each step re-runs with only its starting point changed. Through EF each
/// of the ~20 steps of a split tag or search paid the expression-tree funcletizer, the query-cache lookup and a fresh
/// SQLite prepare: about a third of a cold /Tags/Big listing (20 year folders) in the profile. The starting point is
/// found among the command's parameters by a sentinel value; when it cannot be found unambiguously (or the context's
/// connection is not open) <see cref="Create"/> returns null and the caller keeps EF's path.
/// </summary>
internal sealed class SkipQuery : IAsyncDisposable
{
    // A starting point no caller passes (one tick past the minimum): it marks the parameter to re-bind.
    private static readonly DateTime Sentinel = DateTime.MinValue.AddTicks(1);

    private readonly DbCommand _command;
    private readonly DbParameter _from;

    private SkipQuery(DbCommand command, DbParameter from)
    {
        _command = command;
        _from = from;
    }

    public static SkipQuery? Create(Func<DateTime?, IQueryable<MediaItem>> itemsFrom)
    {
        var command = itemsFrom(Sentinel).OrderBy(i => i.TakenLocal).Select(i => i.TakenLocal).Take(1).CreateDbCommand();
        if (command.Connection?.State != ConnectionState.Open)
        {
            command.Dispose();
            return null;
        }

        var matches = command.Parameters.Cast<DbParameter>().Where(p => p.Value is DateTime d && d == Sentinel).ToList();
        if (matches.Count != 1)
        {
            command.Dispose();
            return null;
        }

        return new SkipQuery(command, matches[0]);
    }

    public async Task<DateTime?> FirstFromAsync(DateTime from, CancellationToken cancellationToken)
    {
        _from.Value = from;
        await using var reader = await _command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? IndexDates.ReadDateTime(reader, 0) : null;
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
