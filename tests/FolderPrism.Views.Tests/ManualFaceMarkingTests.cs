using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FolderPrism.Core.Library;
using FolderPrism.Core.Users;
using FolderPrism.Data.Users;
using FolderPrism.Host.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FolderPrism.Views.Tests.SidecarTestFiles;

namespace FolderPrism.Views.Tests;

/// <summary>
/// Marking a face by hand in the browser preview (no vision models installed here: the face is stored without a
/// descriptor): a real finger drag in headless Chromium with a phone viewport, a typed name, the JSON POST; then the
/// face through <c>faces list --json</c>, the person folder over WebDAV, the MWG region through exiftool, and a
/// re-index of the sidecar that does not duplicate the face.
/// </summary>
public sealed class ManualFaceMarkingTests
{
    private const string Photo = "2019-06-21 12.00.00 group.jpg";

    [Fact]
    public async Task A_box_dragged_on_the_phone_preview_and_named_becomes_a_manual_face_a_person_and_a_sidecar_region()
    {
        await using var host = await ViewsHost.StartAsync(extra: SidecarsOn);
        var original = Path.Combine(host.Originals, "2019", "group.jpg");
        await MakePhotoAsync(original, "gradient:orange-navy", "2019:06:21 12:00:00", 800, 600);
        var item = await WaitAnalysedAsync(host, "2019/group.jpg");

        var ct = ViewsHost.Timeout;
        await using var chromium = await ChromiumSession.StartAsync(Path.Combine(host.Root, "chromium-profile"), ct);
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ViewsHost.User}:{ViewsHost.Password}"));
        await chromium.SendAsync("Network.enable", null, ct);
        await chromium.SendAsync("Network.setExtraHTTPHeaders", new { headers = new { Authorization = "Basic " + auth } }, ct);
        await chromium.SendAsync("Emulation.setDeviceMetricsOverride", new { width = 412, height = 800, deviceScaleFactor = 2, mobile = true }, ct);
        await chromium.SendAsync("Emulation.setTouchEmulationEnabled", new { enabled = true, maxTouchPoints = 5 }, ct);
        await chromium.SendAsync("Page.navigate", new { url = new Uri(host.Http.BaseAddress!, "/Timeline/2019/2019-06/").AbsoluteUri }, ct);
        await chromium.WaitForAsync("document.readyState === 'complete' && !!document.querySelector('a[data-photo]')", ct);

        var tile = await chromium.RectAsync("a[data-photo]", ct);
        await chromium.ClickAsync(tile.X + (tile.Width / 2), tile.Y + (tile.Height / 2), ct);
        await chromium.WaitForAsync("!document.getElementById('pv').hidden && document.getElementById('pv-img').complete && document.getElementById('pv-img').naturalWidth > 0", ct);

        var image = await chromium.RectAsync("#pv-img", ct);
        (double X, double Y) At(double fx, double fy) => (image.X + (fx * image.Width), image.Y + (fy * image.Height));
        await chromium.TouchDragAsync(At(0.25, 0.2), At(0.6, 0.7), steps: 8, ct);
        await chromium.WaitForAsync("!document.getElementById('pv-form').hidden && document.activeElement === document.getElementById('pv-name')", ct);
        await chromium.SendAsync("Input.insertText", new { text = "Zoë Test" }, ct);
        var save = await chromium.RectAsync("#pv-save", ct);
        await chromium.ClickAsync(save.X + (save.Width / 2), save.Y + (save.Height / 2), ct);
        await chromium.WaitForAsync("document.getElementById('pv-msg').textContent.startsWith('Saved')", ct);
        (await chromium.EvaluateAsync("document.getElementById('pv-msg').textContent", ct)).GetString().ShouldBe("Saved: Zoë Test");

        // With a mouse on a desktop-sized window, submitting with Enter: a second face, kept apart from the first.
        await chromium.SendAsync("Emulation.setTouchEmulationEnabled", new { enabled = false }, ct);
        await chromium.SendAsync("Emulation.setDeviceMetricsOverride", new { width = 1280, height = 900, deviceScaleFactor = 1, mobile = false }, ct);
        await chromium.WaitForAsync("document.getElementById('pv-img').getBoundingClientRect().width > 500", ct);
        image = await chromium.RectAsync("#pv-img", ct);
        await chromium.MouseDragAsync(At(0.9, 0.4), At(0.7, 0.1), steps: 6, ct);
        await chromium.WaitForAsync("!document.getElementById('pv-form').hidden && document.activeElement === document.getElementById('pv-name')", ct);
        await chromium.SendAsync("Input.insertText", new { text = "Max" }, ct);
        await chromium.SendAsync("Input.dispatchKeyEvent", new { type = "keyDown", key = "Enter", code = "Enter", windowsVirtualKeyCode = 13, text = "\r" }, ct);
        await chromium.SendAsync("Input.dispatchKeyEvent", new { type = "keyUp", key = "Enter", code = "Enter", windowsVirtualKeyCode = 13 }, ct);
        await chromium.WaitForAsync("document.getElementById('pv-msg').textContent === 'Saved: Max'", ct);
        (await chromium.EvaluateAsync("document.querySelectorAll('#pv-stage .mark').length", ct)).GetInt32().ShouldBe(2);

        // The face, in upright original pixels, as the user dragged it: [200, 120, 280, 300] of 800×600.
        var faces = await FacesAsync(host);
        faces.Count.ShouldBe(2);
        var max = faces.Single(f => f.GetProperty("person").GetString() == "Max");
        max.GetProperty("box").EnumerateArray().Select(v => v.GetInt32()).ToArray()[0].ShouldBeInRange(560 - 12, 560 + 12);
        max.GetProperty("box").EnumerateArray().Select(v => v.GetInt32()).ToArray()[3].ShouldBeInRange(180 - 12, 180 + 12);
        var face = faces.Single(f => f.GetProperty("person").GetString() == "Zoë Test");
        face.GetProperty("path").GetString().ShouldBe("2019/group.jpg");
        face.GetProperty("source").GetString().ShouldBe("manual");
        face.GetProperty("person").GetString().ShouldBe("Zoë Test");
        int[] box = [.. face.GetProperty("box").EnumerateArray().Select(v => v.GetInt32())];
        box[0].ShouldBeInRange(200 - 12, 200 + 12);
        box[1].ShouldBeInRange(120 - 12, 120 + 12);
        box[2].ShouldBeInRange(280 - 12, 280 + 12);
        box[3].ShouldBeInRange(300 - 12, 300 + 12);
        (await host.ListAsync("/People/Zoë Test/")).ShouldBe([Photo]);

        // The sidecar carries the MWG region (centre-based, normalised), and reading it back does not duplicate the face.
        await WhenSidecarsWrittenAsync(host);
        var xmp = await ExifToolXmpAsync(original + ".xmp");
        var names = Values(xmp, "RegionName");
        names.Order(StringComparer.Ordinal).ShouldBe(["Max", "Zoë Test"]);
        Values(xmp, "RegionType").ShouldBe(["Face", "Face"]);
        var zoe = names.IndexOf("Zoë Test");
        double Area(string tag) => double.Parse(Values(xmp, tag)[zoe], System.Globalization.CultureInfo.InvariantCulture);
        Area("RegionAreaX").ShouldBe(0.425, 0.02);
        Area("RegionAreaY").ShouldBe(0.45, 0.02);
        Area("RegionAreaW").ShouldBe(0.35, 0.02);
        Area("RegionAreaH").ShouldBe(0.5, 0.02);
        await ReindexAsync(host, item);
        var after = await FacesAsync(host);
        after.Count.ShouldBe(2);
        after.ShouldAllBe(f => f.GetProperty("source").GetString() == "manual");
    }

    [Fact]
    public async Task Marking_checks_role_body_and_box()
    {
        await using var host = await ViewsHost.StartAsync();
        var item = await host.AddAsync("2019/a.jpg", new DateTime(2019, 6, 21, 12, 0, 0), i => { i.MimeType = "image/jpeg"; i.Width = 4000; i.Height = 3000; i.Orientation = 6; });
        await host.App.Services.GetRequiredService<UserStore>().AddAsync("viewer", UserRole.Viewer, "viewer-password-1", ViewsHost.Timeout);
        const string url = "/Timeline/2019/2019-06/2019-06-21 12.00.00 a.jpg";

        using (var viewer = new HttpClient { BaseAddress = host.Http.BaseAddress })
        {
            viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("viewer:viewer-password-1")));
            (await viewer.PostAsync(ViewsHost.Href(url), Json("Ann", 0.1, 0.1, 0.2, 0.2), ViewsHost.Timeout)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await host.Http.PostAsync(ViewsHost.Href(url), new StringContent("name=Ann", Encoding.UTF8, "application/x-www-form-urlencoded"), ViewsHost.Timeout))
            .StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await host.Http.PostAsync(ViewsHost.Href(url), new StringContent("{\"name\":", Encoding.UTF8, "application/json"), ViewsHost.Timeout))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await host.Http.PostAsync(ViewsHost.Href(url), Json("Ann", 0.5, 0.5, 0.8, 0.2), ViewsHost.Timeout)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await host.Http.PostAsync(ViewsHost.Href(url), Json(" ", 0.1, 0.1, 0.2, 0.2), ViewsHost.Timeout)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await host.Http.PostAsync(ViewsHost.Href("/Timeline/2019/2019-06/nope.jpg"), Json("Ann", 0.1, 0.1, 0.2, 0.2), ViewsHost.Timeout))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.Http.PostAsync(ViewsHost.Href("/Timeline/2019/"), Json("Ann", 0.1, 0.1, 0.2, 0.2), ViewsHost.Timeout))
            .StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);

        // Rotated by EXIF (6): the upright image is 3000×4000. Marking replaces an overlapping face and the person's
        // whole-photo entry; a second box for the same person takes the name from the first.
        await host.PersonAsync(item, "Ann"); // file region at (0.1, 0.1, 0.2, 0.2)
        (await host.SendAsync("MKCOL", "/People/Bo")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.SendAsync("COPY", url, ("Destination", new Uri(host.Http.BaseAddress!, ViewsHost.Href("/People/Bo/x.jpg")).AbsoluteUri)))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        using var first = await host.Http.PostAsync(ViewsHost.Href(url), Json("Bo", 0.12, 0.1, 0.2, 0.2), ViewsHost.Timeout);
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync(ViewsHost.Timeout));
        var marked = JsonDocument.Parse(await first.Content.ReadAsStringAsync(ViewsHost.Timeout)).RootElement;
        marked.GetProperty("person").GetString().ShouldBe("Bo");
        marked.GetProperty("embedded").GetBoolean().ShouldBeFalse();
        marked.GetProperty("box").EnumerateArray().Select(v => v.GetInt32()).ShouldBe([360, 400, 600, 800]);
        (await host.Http.PostAsync(ViewsHost.Href(url), Json("Bo", 0.6, 0.6, 0.2, 0.2), ViewsHost.Timeout)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await using var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout);
        var faces = await db.Faces.AsNoTracking().Include(f => f.Person).Where(f => f.ItemId == item.Id).OrderBy(f => f.Id).ToListAsync(ViewsHost.Timeout);
        faces.Count.ShouldBe(2); // Ann's region replaced by the first box, Bo's whole-photo entry dropped
        faces[0].PersonId.ShouldBeNull(); // the first box: Bo moved on to the second
        faces[0].Rejections.ShouldNotBeNull();
        faces[1].Person!.Name.ShouldBe("Bo");
        faces.ShouldAllBe(f => f.Source == AssociationSource.User && f.Origin == "manual" && f.ImageWidth == 3000 && f.ImageHeight == 4000);
        (await host.ListAsync("/People/Bo/")).ShouldBe(["2019-06-21 12.00.00 a.jpg"]);
        (await host.ListAsync("/People/Ann/")).ShouldBeEmpty();
    }

    private static StringContent Json(string name, double x, double y, double w, double h) =>
        new(JsonSerializer.Serialize(new { name, box = new[] { x, y, w, h } }), Encoding.UTF8, "application/json");

    private static async Task<List<JsonElement>> FacesAsync(ViewsHost host)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await FolderPrismCli.RunAsync(
            ["faces", "list", "--json", "--library", host.Library, "--data", Path.Combine(host.Root, "data")],
            new CliConsole(new StringReader(string.Empty), output, error), ViewsHost.Timeout);
        code.ShouldBe(0, error.ToString());
        return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }
}
