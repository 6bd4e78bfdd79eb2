using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Store;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.WebDav.Tests;

/// <summary>
/// A GET whose file is replaced by a rename (a PUT over a photo, an editor's safe save) between the lookup's stat and
/// the open. The daemon's store is wrapped so the rename lands exactly there: the answer must describe the bytes it
/// sends (whole body, its own length and ETag), or say the file is gone or busy — never a body cut short.
/// </summary>
public sealed class GetRenameRaceTests : IAsyncLifetime
{
    private const string Href = "Originals/photo.jpg";
    private readonly DavServerFixture _server;
    private Func<int, Task> _afterLookup = _ => Task.CompletedTask;
    private int _lookups;

    public GetRenameRaceTests()
    {
        _server = new DavServerFixture
        {
            ConfigureServices = services =>
            {
                var original = services.Last(d => d.ServiceType == typeof(IDavStore));
                services.Remove(original);
                services.AddSingleton<IDavStore>(sp => new RacingStore(
                    (IDavStore)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!), this));
            },
        };
    }

    private string FilePath => Path.Combine(_server.OriginalsPath, "photo.jpg");

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData(10_000, 9)]                   // the copy path: the old length would outrun the new file
    [InlineData(2 * 1024 * 1024, 600 * 1024)] // the sendfile path
    [InlineData(300_000, 300_000)]            // same length, other bytes: only the ETag would be wrong
    public async Task A_rename_over_the_file_after_the_lookup_serves_the_new_file_whole(int oldSize, int newSize)
    {
        await File.WriteAllBytesAsync(FilePath, Bytes(oldSize, seed: 1));
        File.SetLastWriteTimeUtc(FilePath, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var replacement = Bytes(newSize, seed: 2);
        _afterLookup = lookup => lookup == 1 ? ReplaceAsync(replacement) : Task.CompletedTask;

        using var client = _server.CreateClient();
        using var raced = await client.GetAsync(Href);

        ((int)raced.StatusCode).ShouldBe(200);
        raced.Content.Headers.ContentLength.ShouldBe(newSize);
        (await raced.Content.ReadAsByteArrayAsync()).ShouldBe(replacement);
        _lookups.ShouldBe(2);
        _afterLookup = _ => Task.CompletedTask;
        using var calm = await client.GetAsync(Href);
        raced.Headers.ETag!.Tag.ShouldBe(calm.Headers.ETag!.Tag);
        raced.Content.Headers.LastModified.ShouldBe(calm.Content.Headers.LastModified);
    }

    [Fact]
    public async Task A_file_moved_away_after_the_lookup_is_not_found()
    {
        await File.WriteAllBytesAsync(FilePath, Bytes(10_000, seed: 1));
        _afterLookup = lookup =>
        {
            if (lookup == 1)
            {
                File.Move(FilePath, FilePath + ".moved");
            }

            return Task.CompletedTask;
        };

        using var client = _server.CreateClient();
        using var response = await client.GetAsync(Href);

        ((int)response.StatusCode).ShouldBe(404);
        _lookups.ShouldBe(2);
    }

    [Fact]
    public async Task A_file_rewritten_under_every_lookup_is_busy_not_cut_short()
    {
        await File.WriteAllBytesAsync(FilePath, Bytes(10_000, seed: 1));
        _afterLookup = lookup => ReplaceAsync(Bytes(10_000 - lookup, seed: lookup));

        using var client = _server.CreateClient();
        using var response = await client.GetAsync(Href);

        ((int)response.StatusCode).ShouldBe(503);
        _lookups.ShouldBe(4);
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>As a safe save does it: a temp file beside, renamed over the path.</summary>
    private async Task ReplaceAsync(byte[] content)
    {
        var temp = FilePath + ".tmp";
        await File.WriteAllBytesAsync(temp, content);
        File.SetLastWriteTimeUtc(temp, new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(content.Length));
        File.Move(temp, FilePath, overwrite: true);
    }

    /// <summary>The daemon's store, with the test's rename run right after each lookup of the photo.</summary>
    private sealed class RacingStore(IDavStore inner, GetRenameRaceTests test) : IDavStore
    {
        public async ValueTask<IDavItem?> GetItemAsync(DavPath path, CancellationToken cancellationToken)
        {
            var item = await inner.GetItemAsync(path, cancellationToken);
            if (path.Value == "/" + Href)
            {
                await test._afterLookup(Interlocked.Increment(ref test._lookups));
            }

            return item;
        }

        public string? MapPhysicalPath(DavPath path) => inner.MapPhysicalPath(path);

        public bool IsProtectedRoot(DavPath path) => inner.IsProtectedRoot(path);

        public IDavVirtualWrites? GetVirtualWrites(DavPath path) => inner.GetVirtualWrites(path);
    }
}
