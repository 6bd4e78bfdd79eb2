namespace FolderPrism.WebDav.Tests;

/// <summary>Nothing outside the library is reachable: encoded traversal, separators, NUL, overlong UTF-8, symlinks.</summary>
public sealed class PathSecurityTests : IAsyncLifetime
{
    private readonly DavServerFixture _server = new();

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        File.WriteAllText(Path.Combine(_server.LibraryPath, "secret.txt"), "top secret");
        File.WriteAllText(Path.Combine(_server.OriginalsPath, "ok.txt"), "fine");
    }

    public Task DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("/Originals/../secret.txt")]
    [InlineData("/Originals/%2e%2e/secret.txt")]
    [InlineData("/Originals/%2E%2E/secret.txt")]
    [InlineData("/Originals/.%2e/secret.txt")]
    [InlineData("/Originals/./ok.txt")]
    [InlineData("/Originals%2f..%2fsecret.txt")]
    [InlineData("/Originals/..%2fsecret.txt")]
    [InlineData("/Originals/..%5csecret.txt")]
    [InlineData("/Originals/..\\secret.txt")]
    [InlineData("/Originals/ok.txt%00.jpg")]
    [InlineData("/Originals/%c0%ae%c0%ae/secret.txt")]
    [InlineData("/Originals/%e0%80%ae%e0%80%ae/secret.txt")]
    [InlineData("/Originals/%ff.txt")]
    [InlineData("/Originals/%0a.txt")]
    [InlineData("/Originals/bad%zz")]
    public async Task Traversal_and_bad_encodings_are_400(string target)
    {
        foreach (var method in new[] { "GET", "PROPFIND", "DELETE" })
        {
            var (status, response) = await RawHttp.SendAsync(_server, method, target);
            status.ShouldBe(400, $"{method} {target}");
            response.ShouldNotContain("top secret");
        }

        File.Exists(Path.Combine(_server.LibraryPath, "secret.txt")).ShouldBeTrue();
        File.Exists(Path.Combine(_server.OriginalsPath, "ok.txt")).ShouldBeTrue();
    }

    [Fact]
    public async Task Absolute_form_request_targets_are_served_and_still_checked()
    {
        var authority = _server.BaseUri.Authority;
        var (ok, body) = await RawHttp.SendAsync(_server, "GET", $"http://{authority}/Originals/ok.txt");
        ok.ShouldBe(200);
        body.ShouldEndWith("fine");
        var (traversal, response) = await RawHttp.SendAsync(_server, "GET", $"http://{authority}/Originals/%2e%2e/secret.txt");
        traversal.ShouldBe(400);
        response.ShouldNotContain("top secret");
    }

    [Fact]
    public async Task Destination_with_traversal_is_400_and_other_host_is_502()
    {
        using var client = _server.CreateClient();
        using var traversal = await client.SendAsync("COPY", "Originals/ok.txt", null, ("Destination", "/Originals/%2e%2e/stolen.txt"));
        ((int)traversal.StatusCode).ShouldBe(400);
        using var otherHost = await client.SendAsync("COPY", "Originals/ok.txt", null, ("Destination", "http://evil.example/Originals/x.txt"));
        ((int)otherHost.StatusCode).ShouldBe(502);
        File.Exists(Path.Combine(_server.LibraryPath, "stolen.txt")).ShouldBeFalse();
    }

    [Fact]
    public async Task Symlinks_leading_outside_are_unreachable_but_inside_links_work()
    {
        var outside = Path.Combine(_server.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "passwd"), "root:x:0:0");
        Directory.CreateSymbolicLink(Path.Combine(_server.OriginalsPath, "escape"), outside);
        File.CreateSymbolicLink(Path.Combine(_server.OriginalsPath, "escape.txt"), Path.Combine(outside, "passwd"));
        File.CreateSymbolicLink(Path.Combine(_server.OriginalsPath, "inside.txt"), Path.Combine(_server.OriginalsPath, "ok.txt"));
        using var client = _server.CreateClient();

        ((int)(await client.GetAsync("Originals/escape/passwd")).StatusCode).ShouldBe(404);
        ((int)(await client.GetAsync("Originals/escape.txt")).StatusCode).ShouldBe(404);
        ((int)(await client.PutAsync("Originals/escape/new.txt", new StringContent("x"))).StatusCode).ShouldBe(403);
        File.Exists(Path.Combine(outside, "new.txt")).ShouldBeFalse();
        (await client.GetStringAsync("Originals/inside.txt")).ShouldBe("fine");

        var listing = (await client.PropFindAsync("Originals/", "1")).ToString();
        listing.ShouldNotContain("escape");
        listing.ShouldContain("/Originals/inside.txt");
    }
}
