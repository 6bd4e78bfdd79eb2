namespace FolderPrism.Host.Tests;

/// <summary>A clock that only moves when the test says so (cache TTLs, throttle lock-outs).</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
