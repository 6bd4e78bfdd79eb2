using System.CommandLine;
using FolderPrism.Data.Users;
using FolderPrism.Host.Configuration;
using FolderPrism.Host.Startup;
using FolderPrism.Indexing.Status;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Host.Cli;

/// <summary><c>folderprism status</c>: paths, counts, and whether a daemon is running on this data folder.</summary>
internal sealed class StatusVerb : ICliVerb
{
    public string? Parent => null;

    public Command Build(CliContext context)
    {
        var command = new Command("status", "Show library, database and daemon state");
        command.SetAction((result, cancellationToken) => CliSession.RunAsync(
            context.SettingsFrom(result), context.Console, async (session, ct) =>
            {
                var users = await session.Services.GetRequiredService<UserStore>().CountAsync(ct);
                var daemon = await DaemonProbe.DescribeAsync(session.Data.FullPath, ct);
                var output = session.Console.Out;
                await output.WriteLineAsync($"library:  {Path.GetFullPath(session.Library.Path)}".AsMemory(), ct);
                await output.WriteLineAsync($"data:     {session.Data.FullPath}".AsMemory(), ct);
                await output.WriteLineAsync($"database: {session.Data.DatabasePath}".AsMemory(), ct);
                await output.WriteLineAsync($"users:    {users}".AsMemory(), ct);
                await output.WriteLineAsync($"daemon:   {daemon}".AsMemory(), ct);
                var index = await session.Services.GetRequiredService<IndexStatusService>().GetAsync(50, ct);
                await output.WriteLineAsync(
                    $"index:    {index.Items} items, {index.PendingJobs} jobs pending ({index.RunningJobs} running), {index.ThumbnailsPending} awaiting thumbnails".AsMemory(), ct);
                await output.WriteLineAsync(
                    $"review:   {index.DatesFromFileTime} dated only by file time, {index.DamagedItems} damaged, {index.MissingItems} missing".AsMemory(), ct);
                var reconcile = index.LastReconcile is { } at ? $"{at:u} ({index.LastReconcileSummary})" : "never";
                await output.WriteLineAsync($"reconcile: {reconcile}".AsMemory(), ct);
                await output.WriteLineAsync($"vision:   {await VisionStatus.DescribeAsync(session.Services, ct)}".AsMemory(), ct);
                await output.WriteLineAsync($"quarantined: {index.Quarantined.Count}".AsMemory(), ct);
                foreach (var file in index.Quarantined)
                {
                    await output.WriteLineAsync($"  {file.RelativePath}: {file.Reason}".AsMemory(), ct);
                }

                return ExitCodes.Ok;
            }, cancellationToken));
        return command;
    }
}
