using FolderPrism.Indexing.Metadata;

namespace FolderPrism.Indexing.Tests.Media;

public sealed class ContentHasherTests : IDisposable
{
    private readonly MediaWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    [Fact]
    public async Task Streaming_hash_over_several_buffers_equals_the_one_shot_hash_and_is_32_lower_hex()
    {
        var bytes = new byte[(3 * 1024 * 1024) + 12345];
        new Random(5).NextBytes(bytes);
        var path = ws.PathOf("blob.bin");
        await File.WriteAllBytesAsync(path, bytes);

        var streamed = await ContentHasher.ComputeAsync(path, CancellationToken.None);

        streamed.ShouldBe(ContentHasher.Compute(bytes));
        streamed.ShouldMatch("^[0-9a-f]{32}$");

        bytes[^1] ^= 1;
        ContentHasher.Compute(bytes).ShouldNotBe(streamed);
    }

    [Fact]
    public async Task Empty_file_has_a_stable_hash()
    {
        var path = ws.PathOf("empty");
        await File.WriteAllBytesAsync(path, []);

        (await ContentHasher.ComputeAsync(path, CancellationToken.None)).ShouldBe(ContentHasher.Compute([]));
    }
}
