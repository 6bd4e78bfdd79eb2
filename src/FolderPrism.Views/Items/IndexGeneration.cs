using FolderPrism.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Items;

/// <summary>
/// Numbers that change whenever something commits to the index, from this process or another one (the CLI), per
/// domain (<see cref="IndexVersion"/>): the <c>ChangeCounters</c> row that SQLite triggers bump in the writing
/// transaction itself (migration <c>ChangeCounters</c>), read on a connection of its own with one single-row query.
/// One number for everything (<c>PRAGMA data_version</c>) made every face or label the vision worker stored drop
/// every cached listing, Timeline included, so PROPFINDs took the cold path all the time vision ran. A database without
/// the counters (never migrated that far) falls back to <c>data_version</c> for both domains.
/// </summary>
internal sealed class IndexGeneration(IDbContextFactory<FolderPrismDbContext> contexts) : IDisposable
{
    private readonly Lock _lock = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _command;
    private bool _counters;

    public IndexVersion Current()
    {
        lock (_lock)
        {
            if (_command is null)
            {
                Open();
            }

            try
            {
                using var reader = _command!.ExecuteReader();
                if (reader.Read())
                {
                    return _counters ? new IndexVersion(reader.GetInt64(0), reader.GetInt64(1)) : new IndexVersion(reader.GetInt64(0), reader.GetInt64(0));
                }
            }
            catch (SqliteException) when (_counters)
            {
                // no counters table (yet): the number of every commit instead
            }

            _counters = false;
            _command!.CommandText = "PRAGMA data_version;";
            var version = (long)_command.ExecuteScalar()!;
            return new IndexVersion(version, version);
        }
    }

    private void Open()
    {
        string connectionString;
        using (var db = contexts.CreateDbContext())
        {
            connectionString = db.Database.GetConnectionString()!;
        }

        // Its own connection (never pooled, never writing): a pooled one could be handed to a writer, and
        // data_version (the fallback) does not change for a connection's own commits.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        _command = _connection.CreateCommand();
        _command.CommandText = "SELECT Library, Vision FROM ChangeCounters WHERE Id = 1;";
        _counters = true;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _command?.Dispose();
            _connection?.Dispose();
            _command = null;
            _connection = null;
        }
    }
}
