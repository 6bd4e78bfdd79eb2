using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FolderPrism.Vision;

/// <summary>Releases model sessions after <see cref="VisionOptions.IdleRelease"/> without use (checked every minute).</summary>
public sealed class VisionIdleReleaser : BackgroundService
{
    private readonly VisionSessions _sessions;
    private readonly IOptions<VisionOptions> _options;

    public VisionIdleReleaser(VisionSessions sessions, IOptions<VisionOptions> options)
    {
        _sessions = sessions;
        _options = options;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                _sessions.ReleaseIdle(_options.Value.IdleRelease);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down, or the host failed to start (e.g. the port is taken): not an error of this service, and
            // an escaping exception here would be logged as fatal ahead of the real cause.
        }
    }
}
