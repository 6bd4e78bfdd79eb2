using FolderPrism.Data;
using Microsoft.Extensions.Hosting;

namespace FolderPrism.Host.Startup;

/// <summary>
/// Runs before the server starts listening (<see cref="IHostedLifecycleService.StartingAsync"/>): apply
/// migrations, then create the first admin. So <c>/healthz</c> only answers once the database is ready.
/// </summary>
internal sealed class StartupTasks(DatabaseMigrator migrator, AdminBootstrapper bootstrapper) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await bootstrapper.EnsureAdminAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
