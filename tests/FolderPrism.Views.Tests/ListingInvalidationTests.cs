using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.Views.Items;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Views.Tests;

/// <summary>
/// The listing cache against real SQLite and real HTTP: what the vision worker commits (faces, people, labels, vision
/// states) keeps listings that cannot depend on it (Timeline) cached, while cached listings that read it (searches, a
/// person's or label's photos) serve their last listing once and refresh it in the background (also when another
/// connection, as the CLI's, writes); a write through WebDAV and any other commit still refresh everything at once.
/// </summary>
public sealed class ListingInvalidationTests
{
    private static readonly DateTime June21 = new(2019, 6, 21, 12, 0, 0);

    [Fact]
    public async Task A_vision_only_write_keeps_the_timeline_cached_and_searches_show_it_after_one_background_refresh()
    {
        await using var host = await ViewsHost.StartAsync();
        var item = await host.AddAsync("2019/06/IMG_1.JPG", June21);
        var listings = host.App.Services.GetRequiredService<ViewServices>().Listings;

        (await host.ListAsync("/Timeline/2019/2019-06/")).ShouldBe(["2019-06-21 12.00.00 IMG_1.JPG"]);
        (await host.ListAsync("/People/")).ShouldBeEmpty();
        (await host.ListAsync("/Labels/")).ShouldBeEmpty();
        (await host.ListAsync("/Search/bob/")).ShouldBeEmpty();
        var loads = listings.Loads;
        (await host.ListAsync("/Timeline/2019/2019-06/")).ShouldBe(["2019-06-21 12.00.00 IMG_1.JPG"]);
        listings.Loads.ShouldBe(loads, "a repeated listing is served from the cache");

        // What the vision worker stores for a photo: a named face, a machine label and the photo's vision state.
        await host.PersonAsync(item, "Bob");
        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            db.Labels.Add(new Label { ItemId = item.Id, Name = "dog", Score = 0.9, DetectedAt = DateTimeOffset.UtcNow });
            db.VisionStates.Add(new VisionState { ItemId = item.Id, ContentHash = item.ContentHash, ProcessedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(ViewsHost.Timeout);
        }

        loads = listings.Loads;
        (await host.ListAsync("/Timeline/2019/2019-06/")).ShouldBe(["2019-06-21 12.00.00 IMG_1.JPG"]);
        listings.Loads.ShouldBe(loads, "vision data cannot change the timeline: still cached");

        // The People and Labels roots are listed live; a cached listing that reads vision data (a search) is served
        // stale while revalidating: the first request after a vision-only commit gets the cached listing and starts
        // one background load; once it is done the listing shows the new data.
        (await host.ListAsync("/People/")).ShouldContain("Bob/");
        (await host.ListAsync("/Labels/")).ShouldContain("dog/");
        (await host.ListAsync("/Search/bob/")).ShouldBeEmpty();
        await listings.RefreshesSettled();
        listings.Loads.ShouldBe(loads + 1);
        (await host.ListAsync("/Search/bob/")).ShouldNotBeEmpty();
        listings.Loads.ShouldBe(loads + 1, "the refreshed listing is current: served from the cache");
    }

    [Fact]
    public async Task A_write_through_webdav_is_listed_at_once_even_while_vision_commits_are_served_stale()
    {
        await using var host = await ViewsHost.StartAsync();
        var item = await host.AddAsync("2019/06/IMG_1.JPG", June21);
        var other = await host.AddAsync("2019/06/IMG_2.JPG", June21.AddHours(1));
        await host.PersonAsync(item, "Bob");
        var before = await host.ListAsync("/People/Bob/");
        before.ShouldHaveSingleItem().ShouldContain("IMG_1");

        // The vision worker commits (another face of Bob): alone it would be served stale once...
        await host.PersonAsync(other, "Bob");
        // ...but the user's unassigning through WebDAV (a vision-domain write too) must be listed by the next request.
        (await host.SendAsync("DELETE", "/People/Bob/" + before[0])).IsSuccessStatusCode.ShouldBeTrue();
        (await host.ListAsync("/People/Bob/")).ShouldHaveSingleItem().ShouldContain("IMG_2");
    }

    [Fact]
    public async Task Writes_of_another_connection_refresh_what_they_touch()
    {
        await using var host = await ViewsHost.StartAsync();
        var item = await host.AddAsync("2019/06/IMG_1.JPG", June21);
        (await host.ListAsync("/Timeline/2019/2019-06/")).ShouldBe(["2019-06-21 12.00.00 IMG_1.JPG"]);
        (await host.ListAsync("/Labels/")).ShouldBeEmpty();

        // Another process (the CLI) writes with its own connection: the triggers count its commits as well.
        string connectionString;
        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            connectionString = db.Database.GetConnectionString()!;
        }

        await using (var other = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString()))
        {
            await other.OpenAsync(ViewsHost.Timeout);
            await using var label = other.CreateCommand();
            label.CommandText = "INSERT INTO Labels (ItemId, Name, Score, DetectedAt, Rejected) VALUES ($id, 'cat', 0.8, '2020-01-01 00:00:00+00:00', 0);";
            label.Parameters.AddWithValue("$id", item.Id.ToString().ToUpperInvariant());
            await label.ExecuteNonQueryAsync(ViewsHost.Timeout);
        }

        (await host.ListAsync("/Labels/")).ShouldContain("cat/");

        await host.AddAsync("2019/06/IMG_2.JPG", June21.AddHours(1));
        (await host.ListAsync("/Timeline/2019/2019-06/")).ShouldBe(["2019-06-21 12.00.00 IMG_1.JPG", "2019-06-21 13.00.00 IMG_2.JPG"]);
    }

    [Fact]
    public async Task Every_table_counts_its_commits_in_one_domain()
    {
        await using var host = await ViewsHost.StartAsync();
        await using var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ViewsHost.Timeout);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT t.name, COUNT(g.name) FROM sqlite_master t LEFT JOIN sqlite_master g ON g.type = 'trigger' AND g.tbl_name = t.name " +
            "AND g.sql LIKE '%ChangeCounters%' WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' AND t.name NOT LIKE '__EFMigrations%' " +
            "AND t.name <> 'ChangeCounters' GROUP BY t.name;";
        var triggers = new Dictionary<string, long>();
        await using (var reader = await command.ExecuteReaderAsync(ViewsHost.Timeout))
        {
            while (await reader.ReadAsync(ViewsHost.Timeout))
            {
                triggers[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        triggers.ShouldNotBeEmpty();
        triggers.Where(t => t.Value != 3).Select(t => t.Key).ShouldBeEmpty("a table without insert/update/delete counters would leave cached listings stale");
    }
}
