using System.Net.Http.Headers;

namespace FolderPrism.WebDav.Tests;

/// <summary>GET/HEAD validators and byte ranges (RFC 7232/7233).</summary>
public sealed class GetRangeTests : IAsyncLifetime
{
    private readonly DavServerFixture _server = new();
    private byte[] _content = [];

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        _content = Enumerable.Range(0, 10_000).Select(i => (byte)(i % 251)).ToArray();
        File.WriteAllBytes(Path.Combine(_server.OriginalsPath, "clip.mov"), _content);
    }

    public Task DisposeAsync() => _server.DisposeAsync();

    private async Task<HttpResponseMessage> GetAsync(params (string, string)[] headers)
    {
        using var client = _server.CreateClient();
        return await client.SendAsync("GET", "Originals/clip.mov", null, headers);
    }

    [Fact]
    public async Task Whole_file_has_type_length_etag_and_last_modified()
    {
        using var response = await GetAsync();
        ((int)response.StatusCode).ShouldBe(200);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("video/quicktime");
        response.Content.Headers.ContentLength.ShouldBe(10_000);
        response.Headers.ETag!.IsWeak.ShouldBeFalse();
        response.Content.Headers.LastModified.ShouldNotBeNull();
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(_content);
        using var again = await GetAsync();
        again.Headers.ETag!.Tag.ShouldBe(response.Headers.ETag.Tag);

        using var client = _server.CreateClient();
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "Originals/clip.mov"));
        head.Content.Headers.ContentLength.ShouldBe(10_000);
    }

    [Fact]
    public async Task Single_suffix_open_and_multiple_ranges()
    {
        using (var single = await GetAsync(("Range", "bytes=100-199")))
        {
            ((int)single.StatusCode).ShouldBe(206);
            single.Content.Headers.ContentRange!.ToString().ShouldBe("bytes 100-199/10000");
            (await single.Content.ReadAsByteArrayAsync()).ShouldBe(_content[100..200]);
        }

        using (var suffix = await GetAsync(("Range", "bytes=-50")))
        {
            (await suffix.Content.ReadAsByteArrayAsync()).ShouldBe(_content[^50..]);
        }

        using (var open = await GetAsync(("Range", "bytes=9990-")))
        {
            (await open.Content.ReadAsByteArrayAsync()).ShouldBe(_content[9990..]);
        }

        using var multi = await GetAsync(("Range", "bytes=0-9,20-29"));
        ((int)multi.StatusCode).ShouldBe(206);
        multi.Content.Headers.ContentType!.MediaType.ShouldBe("multipart/byteranges");
        var body = await multi.Content.ReadAsByteArrayAsync();
        body.Length.ShouldBe((int)multi.Content.Headers.ContentLength!.Value);
        var text = System.Text.Encoding.Latin1.GetString(body);
        text.ShouldContain("Content-Range: bytes 0-9/10000");
        text.ShouldContain("Content-Range: bytes 20-29/10000");
    }

    [Fact]
    public async Task Unsatisfiable_too_many_and_stale_if_range()
    {
        using (var unsatisfiable = await GetAsync(("Range", "bytes=20000-")))
        {
            ((int)unsatisfiable.StatusCode).ShouldBe(416);
            unsatisfiable.Content.Headers.ContentRange!.ToString().ShouldBe("bytes */10000");
        }

        var many = "bytes=" + string.Join(',', Enumerable.Range(0, 100).Select(i => $"{i * 10}-{i * 10 + 1}"));
        using (var tooMany = await GetAsync(("Range", many)))
        {
            ((int)tooMany.StatusCode).ShouldBe(200);
        }

        using (var stale = await GetAsync(("Range", "bytes=0-9"), ("If-Range", "\"stale\"")))
        {
            ((int)stale.StatusCode).ShouldBe(200);
        }

        using var first = await GetAsync();
        using var fresh = await GetAsync(("Range", "bytes=0-9"), ("If-Range", first.Headers.ETag!.Tag));
        ((int)fresh.StatusCode).ShouldBe(206);
    }

    [Fact]
    public async Task Conditional_get_gives_304_and_412()
    {
        using var first = await GetAsync();
        var etag = first.Headers.ETag!.Tag;
        ((int)(await GetAsync(("If-None-Match", etag))).StatusCode).ShouldBe(304);
        ((int)(await GetAsync(("If-Modified-Since", first.Content.Headers.LastModified!.Value.ToString("R")))).StatusCode).ShouldBe(304);
        ((int)(await GetAsync(("If-Match", "\"other\""))).StatusCode).ShouldBe(412);
        ((int)(await GetAsync(("If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"))).StatusCode).ShouldBe(412);
        ((int)(await GetAsync(("If-Match", etag))).StatusCode).ShouldBe(200);
    }
}
