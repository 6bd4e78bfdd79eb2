using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace FolderPrism.Views.Tests;

/// <summary>The browser gallery: HTML grid with thumbnail URLs, thumbnails generated on demand, rendered by headless Chromium.</summary>
public sealed class GalleryPageTests
{
    [Fact]
    public async Task Collection_page_shows_folders_and_real_thumbnails_in_headless_chromium()
    {
        await using var host = await ViewsHost.StartAsync();
        var source = Path.Combine(host.Root, "gen.jpg");
        await RunAsync("convert", ["-size", "800x600", "gradient:orange-navy", "-fill", "white", "-draw", "circle 400,300 400,150", source]);
        var bytes = await File.ReadAllBytesAsync(source);
        var item = await host.AddAsync("2019/sunset.jpg", new DateTime(2019, 6, 21, 19, 0, 0), i => i.MimeType = "image/jpeg", bytes: bytes);
        await host.TagAsync(item, "Sunsets");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/Tags/Sunsets/");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var page = await host.Http.SendAsync(request, ViewsHost.Timeout);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync(ViewsHost.Timeout);
        html.ShouldContain("loading=\"lazy\"");
        html.ShouldContain("2019-06-21%2019.00.00%20sunset.jpg?thumb=small");

        using var thumb = await host.Http.GetAsync("/Tags/Sunsets/2019-06-21%2019.00.00%20sunset.jpg?thumb=small", ViewsHost.Timeout);
        thumb.StatusCode.ShouldBe(HttpStatusCode.OK);
        thumb.Content.Headers.ContentType!.MediaType.ShouldStartWith("image/");
        var thumbBytes = await thumb.Content.ReadAsByteArrayAsync(ViewsHost.Timeout);
        thumbBytes.Length.ShouldBeGreaterThan(500);
        thumbBytes.Length.ShouldBeLessThan(bytes.Length);

        var port = host.Http.BaseAddress!.Port;
        var shot = Path.Combine(host.Root, "shot.png");
        await RunAsync("chromium",
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--user-data-dir=" + Path.Combine(host.Root, "chromium-profile"),
            "--window-size=412,600", "--virtual-time-budget=5000", "--screenshot=" + shot,
            $"http://{ViewsHost.User}:{ViewsHost.Password}@127.0.0.1:{port}/Tags/Sunsets/",
        ]);
        File.Exists(shot).ShouldBeTrue();
        new FileInfo(shot).Length.ShouldBeGreaterThan(5_000);
        var keep = Environment.GetEnvironmentVariable("FP_GALLERY_SHOT");
        if (keep is not null)
        {
            File.Copy(shot, keep, overwrite: true);
        }

        (await host.Http.GetAsync("/Tags/Sunsets/2019-06-21%2019.00.00%20sunset.jpg?thumb=preview", ViewsHost.Timeout)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Search_box_in_the_page_header_opens_the_query_as_a_search_folder()
    {
        await using var host = await ViewsHost.StartAsync();
        var item = await host.AddAsync("2019/IMG_1.JPG", new DateTime(2019, 6, 21, 12, 0, 0), i => i.MimeType = "image/jpeg");
        await host.TagAsync(item, "New York");
        await host.AddAsync("2018/IMG_2.JPG", new DateTime(2018, 1, 2, 12, 0, 0), i => i.MimeType = "image/jpeg");

        var ct = ViewsHost.Timeout;
        await using var chromium = await ChromiumSession.StartAsync(Path.Combine(host.Root, "chromium-profile"), ct);
        var auth = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{ViewsHost.User}:{ViewsHost.Password}"));
        await chromium.SendAsync("Network.enable", null, ct);
        await chromium.SendAsync("Network.setExtraHTTPHeaders", new { headers = new { Authorization = "Basic " + auth } }, ct);
        await chromium.SendAsync("Page.navigate", new { url = new Uri(host.Http.BaseAddress!, "/Timeline/").AbsoluteUri }, ct);
        await chromium.WaitForAsync("document.readyState === 'complete' && !!document.querySelector('#search input')", ct);
        await chromium.EvaluateAsync(
            "document.querySelector('#search input').value = ' tag:\"New York\" year=2019 '; document.getElementById('search').requestSubmit(); true", ct);
        await chromium.WaitForAsync("location.pathname.startsWith('/Search/') && document.readyState === 'complete' && !!document.querySelector('#search')", ct);

        Uri.UnescapeDataString((await chromium.EvaluateAsync("location.pathname", ct)).GetString()!).ShouldBe("/Search/tag:\"New York\" year=2019/");
        (await chromium.EvaluateAsync("[...document.querySelectorAll('a[data-photo]')].map(a => a.title).join('|')", ct)).GetString()
            .ShouldBe("2019-06-21 12.00.00 IMG_1.JPG");
    }

    private static async Task RunAsync(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, $"{file}: {await stdout}{await stderr}");
    }
}
