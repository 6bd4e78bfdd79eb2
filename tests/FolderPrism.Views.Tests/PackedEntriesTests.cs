using FolderPrism.Views.Items;
using Microsoft.Data.Sqlite;

namespace FolderPrism.Views.Tests;

/// <summary>
/// Listing rows read as one packed value per row (<see cref="PackedEntries"/>) equal the column-by-column read
/// (<see cref="EntryReader"/>) in values and order; any row the packed parser does not take exactly makes it give up
/// (null), so the caller's fallback reads the usual way.
/// </summary>
public sealed class PackedEntriesTests : IDisposable
{
    private const string Inner =
        "SELECT \"Id\", \"RelativePath\", \"Size\", \"TakenLocal\", \"TakenOffsetMinutes\", \"ContentHash\", \"FirstSeenAt\" "
        + "FROM \"Items\" ORDER BY \"TakenLocal\", \"Id\" LIMIT 1000";

    private readonly string _dir = Directory.CreateTempSubdirectory("fp-packed-").FullName;
    private readonly SqliteConnection _connection;

    public PackedEntriesTests()
    {
        _connection = new SqliteConnection($"Data Source={Path.Combine(_dir, "index.db")};Pooling=False");
        _connection.Open();
        Execute("CREATE TABLE \"Items\" (\"Id\" TEXT NOT NULL PRIMARY KEY, \"RelativePath\" TEXT NOT NULL, \"Size\" INTEGER NOT NULL, "
                + "\"TakenLocal\" TEXT NULL, \"TakenOffsetMinutes\" INTEGER NULL, \"ContentHash\" TEXT NULL, \"FirstSeenAt\" TEXT NOT NULL)");
    }

    public void Dispose()
    {
        _connection.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Usual_rows_read_packed_equal_the_column_read_in_order()
    {
        Insert("B1D7A0C2-0000-4000-8000-000000000001", "2019/IMG_1.JPG", 4096, "2019-06-21 12:00:00", 120, new string('a', 64), "2020-01-01 00:00:00+00:00");
        Insert("B1D7A0C2-0000-4000-8000-000000000002", "a\u001fb|c/Fête 😀 ünï.jpeg", 0, "2019-06-21 12:00:00.5", -570, null, "2020-06-30 23:59:59.1234567-09:30");
        Insert("b1d7a0c2-0000-4000-8000-000000000003", "x/y/z ", -1, "0001-01-01 00:00:00", null, "", "2020-06-30 23:59:59+14:00");
        Insert("B1D7A0C2-0000-4000-8000-000000000004", "videos/clip.mp4", 9_000_000_000, "2018-01-01 00:00:00.0000001", 0, "H1", "2021-02-03 04:05:06.7+01:00");

        var packed = await ReadPackedAsync();
        var columns = await ReadColumnsAsync();

        packed.ShouldNotBeNull();
        columns.Count.ShouldBe(4);
        packed.ShouldBe(columns); // records: every field, in the same order
        packed.Select(e => e.FirstSeenAt.Offset).ShouldBe(columns.Select(e => e.FirstSeenAt.Offset));
        packed[0].RelativePath.ShouldBe("x/y/z "); // capture order: 0001, 2018, then the two of 2019
    }

    [Theory]
    [InlineData("Size", "4096.5")] // a number stored as REAL (4096.0 would be stored as an integer)
    [InlineData("TakenLocal", "2019-06-21T12:00:00")] // another date form
    [InlineData("TakenLocal", null)] // undated: left out by the column read, not guessed here
    [InlineData("FirstSeenAt", "2020-01-01 00:00:00")] // no offset
    [InlineData("ContentHash", "ab\u001fcd")] // the separator inside the hash
    [InlineData("Id", "{B1D7A0C2-0000-4000-8000-000000000009}")] // another Guid form
    public async Task Rows_it_does_not_take_exactly_make_it_give_up(string column, string? value)
    {
        Insert("B1D7A0C2-0000-4000-8000-000000000001", "2019/IMG_1.JPG", 4096, "2019-06-21 12:00:00", 120, "abc", "2020-01-01 00:00:00+00:00");
        Insert("B1D7A0C2-0000-4000-8000-000000000002", "2019/IMG_2.JPG", 4096, "2019-06-21 12:00:01", 120, "abd", "2020-01-01 00:00:00+00:00");
        using (var update = _connection.CreateCommand())
        {
            update.CommandText = $"UPDATE \"Items\" SET \"{column}\" = {(column == "Size" ? "CAST($v AS REAL)" : "$v")} WHERE \"RelativePath\" = '2019/IMG_2.JPG'";
            update.Parameters.AddWithValue("$v", (object?)value ?? DBNull.Value);
            update.ExecuteNonQuery().ShouldBe(1);
        }

        (await ReadPackedAsync()).ShouldBeNull();
        (await ReadColumnsAsync()).Count.ShouldBe(column == "TakenLocal" && value is null ? 1 : 2);
    }

    [Fact]
    public void Displaced_versions_parse_by_position_or_give_up()
    {
        var version = PackedEntries.ParseDisplaced(
            "42\u001fB1D7A0C2-0000-4000-8000-000000000001\u001f1234\u001f2020-06-30 23:59:59.25-09:30\u001fHabc\u001fkept/a\u001fb.jpg");
        version.ShouldNotBeNull();
        version.Id.ShouldBe(42);
        version.KeptItemId.ShouldBe(Guid.Parse("B1D7A0C2-0000-4000-8000-000000000001"));
        version.Size.ShouldBe(1234);
        version.DisplacedAt.ShouldBe(new DateTimeOffset(2020, 6, 30, 23, 59, 59, 250, TimeSpan.FromMinutes(-570)));
        version.ContentHash.ShouldBe("abc");
        version.HoldingPath.ShouldBe("kept/a\u001fb.jpg");

        PackedEntries.ParseDisplaced("42\u001fB1D7A0C2-0000-4000-8000-000000000001\u001f1234\u001f2020-06-30 23:59:59+00:00\u001fX\u001fk/a.jpg").ShouldBeNull();
        PackedEntries.ParseDisplaced("42\u001f{B1D7A0C2-0000-4000-8000-000000000001}\u001f1234\u001f2020-06-30 23:59:59+00:00\u001fHa\u001fk/a.jpg").ShouldBeNull();
        PackedEntries.ParseDisplaced("42\u001fB1D7A0C2-0000-4000-8000-000000000001\u001f12.5\u001f2020-06-30 23:59:59+00:00\u001fHa\u001fk/a.jpg").ShouldBeNull();
    }

    private async Task<List<ViewEntry>?> ReadPackedAsync()
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = PackedEntries.Wrap(Inner);
        return await PackedEntries.ReadAsync(command, CancellationToken.None);
    }

    private async Task<List<ViewEntry>> ReadColumnsAsync()
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = Inner;
        return await EntryReader.ReadAsync(command, CancellationToken.None);
    }

    private void Insert(string id, string path, long size, string? taken, int? offset, string? hash, string firstSeen)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO \"Items\" VALUES ($id, $path, $size, $taken, $offset, $hash, $first)";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$path", path);
        command.Parameters.AddWithValue("$size", size);
        command.Parameters.AddWithValue("$taken", (object?)taken ?? DBNull.Value);
        command.Parameters.AddWithValue("$offset", (object?)offset ?? DBNull.Value);
        command.Parameters.AddWithValue("$hash", (object?)hash ?? DBNull.Value);
        command.Parameters.AddWithValue("$first", firstSeen);
        command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
