using FolderPrism.Views.Items;
using Microsoft.Data.Sqlite;

namespace FolderPrism.Views.Tests;

/// <summary>
/// The positional date reader of the listings (<see cref="IndexDates"/>) gives exactly what Microsoft.Data.Sqlite's own
/// <c>GetDateTime</c>/<c>GetFieldValue&lt;DateTimeOffset&gt;</c> give, for EF's stored forms and for anything else.
/// </summary>
public sealed class IndexDatesTests
{
    public static TheoryData<string> Texts() =>
    [
        "2019-06-21 12:00:00",
        "2019-06-21 12:00:00.5",
        "2019-06-21 12:00:00.1234567",
        "0001-01-01 00:00:00",
        "9999-12-31 23:59:59.9999999",
        "2020-02-29 08:07:06.0000001",
        "2019-06-21T12:00:00",
        "2019-06-21 12:00:00.12345678",
        "2019-06-21 12:00",
    ];

    public static TheoryData<string> OffsetTexts() =>
    [
        "2020-01-01 00:00:00+00:00",
        "2020-01-01 00:00:00.25+02:00",
        "2020-06-30 23:59:59.1234567-09:30",
        "2020-06-30 23:59:59+14:00",
        "2020-06-30 23:59:59-14:00",
        "2020-06-30T23:59:59+01:00",
        "2020-06-30 23:59:59",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void DateTime_matches_the_provider(string text)
    {
        using var reader = Select(text);
        IndexDates.ReadDateTime(reader, 0).ShouldBe(reader.GetDateTime(0));
        IndexDates.ReadDateTime(reader, 0).Kind.ShouldBe(reader.GetDateTime(0).Kind);
    }

    [Theory]
    [MemberData(nameof(OffsetTexts))]
    public void DateTimeOffset_matches_the_provider(string text)
    {
        using var reader = Select(text);
        var expected = reader.GetFieldValue<DateTimeOffset>(0);
        var actual = IndexDates.ReadDateTimeOffset(reader, 0);
        actual.ShouldBe(expected);
        actual.Offset.ShouldBe(expected.Offset);
    }

    [Fact]
    public void Numbers_go_the_providers_way()
    {
        using var reader = Select(2458849.5);
        IndexDates.ReadDateTime(reader, 0).ShouldBe(reader.GetDateTime(0));
    }

    private static SqliteDataReader Select(object value)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT $v";
        command.Parameters.AddWithValue("$v", value);
        var reader = command.ExecuteReader(System.Data.CommandBehavior.CloseConnection);
        reader.Read().ShouldBeTrue();
        return reader;
    }
}
