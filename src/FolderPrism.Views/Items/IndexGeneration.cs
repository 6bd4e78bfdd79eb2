using FolderPrism.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Items;

/// <summary>
/// A number that changes whenever anything commits to the index, from this process or another one (the CLI): SQLite's
/// <c>PRAGMA data_version</c> read on a connection of its own that never writes (the pragma only reflects commits made
/// by OTHER connections, which for this one is all of them). Cheap (no table is read), so a listing cache can check it on
/// every request and stay exactly as fresh as the database, also while the indexer writes.
/// </summary>
internal sealed class IndexGeneration(IDbContextFactory<FolderPrismDbContext> contexts) : IDisposable
{
    private readonly Lock _lock = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _command;

    public long Current()
    {
        lock (_lock)
        {
            if (_command is null)
            {
                string connectionString;
                using (var db = contexts.CreateDbContext())
                {
                    connectionString = db.Database.GetConnectionString()!;
                }

                // Its own connection (never pooled): a pooled one could be handed to a writer, and its own commits
                // would not change the number it reads.
                var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
                _connection = new SqliteConnection(builder.ToString());
                _connection.Open();
                _command = _connection.CreateCommand();
                _command.CommandText = "PRAGMA data_version;";
            }

            return (long)_command.ExecuteScalar()!;
        }
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
