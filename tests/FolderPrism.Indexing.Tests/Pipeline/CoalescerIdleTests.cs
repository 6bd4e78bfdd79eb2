using System.Threading.Channels;
using FolderPrism.Indexing.Watching;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Indexing.Tests.Pipeline;

/// <summary>
/// An idle coalescer sleeps until an event arrives. It used to clamp "nothing pending" (an infinite wait) to zero and
/// spin on a core for the daemon's whole life, slowing start-up and every indexing run.
/// </summary>
public sealed class CoalescerIdleTests
{
    [Fact]
    public void Nothing_pending_waits_for_ever_and_due_paths_wait_until_due()
    {
        var now = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

        ChangeCoalescer.WaitTime([], now).ShouldBe(Timeout.InfiniteTimeSpan);
        ChangeCoalescer.WaitTime([now.AddSeconds(3), now.AddSeconds(1)], now).ShouldBe(TimeSpan.FromSeconds(1));
        ChangeCoalescer.WaitTime([now.AddSeconds(-1)], now).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task Idle_loop_polls_the_channel_once_then_sleeps_until_an_event()
    {
        await using var f = await PipelineFixture.CreateAsync(start: false);
        var coalescer = f.Services.GetRequiredService<ChangeCoalescer>();
        var channel = Channel.CreateUnbounded<FsEvent>();
        var reader = new CountingReader(channel.Reader);
        using var stop = new CancellationTokenSource();

        var run = Task.Run(() => coalescer.RunAsync(reader, stop.Token));
        // On a loaded machine the loop may take a while to start: wait for its first poll, then give it half a second
        // in which a spinning loop would poll again and again.
        var started = DateTime.UtcNow.AddSeconds(30);
        while (reader.Reads == 0 && DateTime.UtcNow < started)
        {
            await Task.Delay(10);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var idleReads = reader.Reads;

        f.Write("a.jpg");
        channel.Writer.TryWrite(new FsEvent(FsEventKind.Created, "a.jpg"));
        await f.WaitForItemAsync("a.jpg", _ => true, "a row from the coalescer");
        channel.Writer.Complete();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        // One poll before the first wait (a spinning loop polls hundreds of thousands of times in half a second).
        idleReads.ShouldBe(1);
    }
}
