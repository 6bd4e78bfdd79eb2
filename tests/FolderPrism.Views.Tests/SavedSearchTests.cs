using System.Net;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Tests;

/// <summary>
/// <c>Search/</c> as a folder of folders: a file manager's "New folder" then rename creates a listed query folder,
/// filters can be written with '=' (Windows and Finder refuse ':' in names) and quotes keep multi-word values together.
/// </summary>
public sealed class SavedSearchTests
{
    private static (string, string) Destination(ViewsHost host, string path) =>
        ("Destination", new Uri(host.Http.BaseAddress!, ViewsHost.Href(path)).ToString());

    [Fact]
    public async Task New_folder_then_rename_saves_a_listed_query_and_delete_forgets_it_without_touching_photos()
    {
        await using var host = await ViewsHost.StartAsync();
        var old = await host.AddAsync("2018/IMG_1.JPG", new DateTime(2018, 5, 1, 9, 0, 0));
        await host.AddAsync("2019/IMG_2.JPG", new DateTime(2019, 6, 21, 12, 0, 0));
        (await host.ListAsync("/Search/")).ShouldBeEmpty();

        // Windows Explorer and GNOME Files: MKCOL of a placeholder name, then MOVE with Overwrite: F to the typed name.
        (await host.SendAsync("MKCOL", "/Search/New folder")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.ListAsync("/Search/")).ShouldBe(["New folder/"]);
        (await host.SendAsync("MKCOL", "/Search/New folder")).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await host.SendAsync("MKCOL", "/Search/NEW FOLDER")).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await host.SendAsync("MOVE", "/Search/New folder", Destination(host, "/Search/year=2019"), ("Overwrite", "F")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.ListAsync("/Search/")).ShouldBe(["year=2019/"]);
        (await host.ListAsync("/Search/year=2019/")).ShouldBe(["2019-06-21 12.00.00 IMG_2.JPG"]);

        // A rename onto a saved name merges (Overwrite: F refuses, as for any existing folder); COPY saves a second one.
        (await host.SendAsync("MKCOL", "/Search/2018")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.SendAsync("MOVE", "/Search/2018", Destination(host, "/Search/year=2019"), ("Overwrite", "F")))
            .StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await host.SendAsync("COPY", "/Search/2018", Destination(host, "/Search/year:2018"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.ListAsync("/Search/")).ShouldBe(["2018/", "year:2018/", "year=2019/"]);
        (await host.ListAsync("/Search/year:2018/")).ShouldBe(["2018-05-01 09.00.00 IMG_1.JPG"]);

        // Nothing else is writable here: photos, deeper folders, files.
        (await host.SendAsync("COPY", "/Originals/2018/IMG_1.JPG", Destination(host, "/Search/2018/IMG_1.JPG"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.SendAsync("MKCOL", "/Search/2018/sub")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.SendAsync("DELETE", "/Search/2018/2018-05-01 09.00.00 IMG_1.JPG")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Deleting a query folder forgets the query, never a photo; an unsaved query still opens by its path.
        (await host.SendAsync("DELETE", "/Search/2018")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.SendAsync("DELETE", "/Search/year:2018")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.ListAsync("/Search/")).ShouldBe(["year=2019/"]);
        (await host.ListAsync("/Search/2018/")).ShouldBe(["2018-05-01 09.00.00 IMG_1.JPG"]);
        File.Exists(Path.Combine(host.Originals, "2018/IMG_1.JPG")).ShouldBeTrue();
        await using var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout);
        (await db.MediaItems.CountAsync(i => i.Id == old.Id && i.TrashedAt == null, ViewsHost.Timeout)).ShouldBe(1);
        (await db.SavedSearches.Select(s => s.Name).ToListAsync(ViewsHost.Timeout)).ShouldBe(["year=2019"]);
    }

    [Fact]
    public async Task Equals_sign_filters_and_quoted_values_read_like_their_colon_forms()
    {
        await using var host = await ViewsHost.StartAsync();
        var york = await host.AddAsync("a/IMG_1.JPG", new DateTime(2019, 6, 1, 9, 0, 0), m => m.Make = "Canon");
        var newport = await host.AddAsync("a/IMG_2.JPG", new DateTime(2019, 6, 2, 9, 0, 0));
        var old = await host.AddAsync("a/IMG_3.JPG", new DateTime(2018, 6, 3, 9, 0, 0));
        await host.TagAsync(york, "New York");
        await host.TagAsync(newport, "New");
        await host.TagAsync(newport, "York");
        await host.TagAsync(old, "New York");
        const string York = "2019-06-01 09.00.00 IMG_1.JPG";
        const string Newport = "2019-06-02 09.00.00 IMG_2.JPG";
        const string Old = "2018-06-03 09.00.00 IMG_3.JPG";

        (await host.ListAsync("/Search/tag:\"New York\"/")).ShouldBe([Old, York], ignoreOrder: true);
        (await host.ListAsync("/Search/tag=\"New York\" year=2019/")).ShouldBe([York]);
        (await host.ListAsync("/Search/tag=New tag=York/")).ShouldBe([Newport]);
        (await host.ListAsync("/Search/camera=canon/")).ShouldBe([York]);
        (await host.ListAsync("/Search/YEAR=2018/")).ShouldBe([Old]);
        // A quoted phrase is one word; without quotes both words must match somewhere.
        (await host.ListAsync("/Search/\"new york\"/")).ShouldBe([Old, York], ignoreOrder: true);
        (await host.ListAsync("/Search/new york/")).ShouldBe([Old, York, Newport], ignoreOrder: true);
        // '=' after something that is not a filter is part of a word; a quoted ':' does not make a filter.
        (await host.ListAsync("/Search/colour=blue/")).ShouldBeEmpty();
        (await host.ListAsync("/Search/\"year:2018\"/")).ShouldBeEmpty();
    }
}
