namespace FolderPrism.WebDav.Tests;

/// <summary>XML bodies: no DTDs or entities (XXE, billion laughs), bounded size and depth, bad namespaces refused.</summary>
public sealed class XmlSecurityTests : IAsyncLifetime
{
    private readonly DavServerFixture _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task External_entity_is_refused_without_reading_the_file()
    {
        var secret = Path.Combine(_server.Root, "secret.txt");
        File.WriteAllText(secret, "xxe-secret-content");
        var body = $"""<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file://{secret}">]><D:propfind xmlns:D="DAV:"><D:prop><D:displayname>&x;</D:displayname></D:prop></D:propfind>""";
        using var client = _server.CreateClient();
        using var response = await client.SendAsync("PROPFIND", "Originals/", body, ("Depth", "0"));
        ((int)response.StatusCode).ShouldBe(400);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("xxe-secret-content");

        using var patch = await client.SendAsync("PROPPATCH", "Originals/", body.Replace("D:propfind", "D:propertyupdate"));
        ((int)patch.StatusCode).ShouldBe(400);
    }

    [Fact]
    public async Task Billion_laughs_is_refused()
    {
        var entities = string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">"));
        var body = $"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY l0 "lol">{entities}]><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype><D:owner>&l9;</D:owner></D:lockinfo>""";
        using var client = _server.CreateClient();
        using var response = await client.SendAsync("LOCK", "Originals/lol.txt", body);
        ((int)response.StatusCode).ShouldBe(400);
        File.Exists(Path.Combine(_server.OriginalsPath, "lol.txt")).ShouldBeFalse();
    }

    [Fact]
    public async Task Oversized_body_is_413_and_deep_nesting_or_bad_namespace_is_400()
    {
        using var client = _server.CreateClient();
        var huge = "<D:propfind xmlns:D=\"DAV:\"><D:prop>" + string.Concat(Enumerable.Repeat("<D:displayname/>", 200_000)) + "</D:prop></D:propfind>";
        using (var response = await client.SendAsync("PROPFIND", "Originals/", huge, ("Depth", "0")))
        {
            ((int)response.StatusCode).ShouldBe(413);
        }

        var deep = "<D:propfind xmlns:D=\"DAV:\"><D:prop>" + string.Concat(Enumerable.Repeat("<a>", 500)) + string.Concat(Enumerable.Repeat("</a>", 500)) + "</D:prop></D:propfind>";
        using (var response = await client.SendAsync("PROPFIND", "Originals/", deep, ("Depth", "0")))
        {
            ((int)response.StatusCode).ShouldBe(400);
        }

        using (var response = await client.SendAsync("PROPFIND", "Originals/", "<D:propfind xmlns:D=\"DAV:\"><D:prop><bar:foo xmlns:bar=\"\"/></D:prop></D:propfind>", ("Depth", "0")))
        {
            ((int)response.StatusCode).ShouldBe(400);
        }

        using (var response = await client.SendAsync("PROPFIND", "Originals/", "<D:propfind xmlns:D=\"DAV:\"><D:prop>", ("Depth", "0")))
        {
            ((int)response.StatusCode).ShouldBe(400);
        }
    }
}
