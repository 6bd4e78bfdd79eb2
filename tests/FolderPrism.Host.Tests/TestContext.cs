namespace FolderPrism.Host.Tests;

/// <summary>Shared test constants.</summary>
public static class TestContext
{
    /// <summary>Generous upper bound so a hung server fails the test instead of hanging the run.</summary>
    public static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;
}
