using System.CommandLine;
using FolderPrism.Host.Configuration;
using FolderPrism.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FolderPrism.Host.Cli;

/// <summary>
/// <c>folderprism index [--rescan]</c>: indexes the library in the foreground with a progress bar and a summary.
/// Refuses while a daemon works on the same data folder: both would run the same job queue.
/// </summary>
internal sealed class IndexVerb : ICliVerb
{
    public string? Parent => null;

    public Command Build(CliContext context)
    {
        var rescan = new Option<bool>("--rescan") { Description = "Re-read every file, not only new or changed ones" };
        var command = new Command("index", "Index the library now (metadata, dates, hashes, thumbnails)") { rescan };
        command.SetAction((result, cancellationToken) => CliSession.RunAsync(
            context.SettingsFrom(result), context.Console, async (session, ct) =>
            {
                if (await DaemonProbe.IsRunningAsync(session.Data.FullPath, ct))
                {
                    await session.Console.Error.WriteLineAsync(
                        "error: a FolderPrism daemon is running on this data folder; it indexes in the background (see 'folderprism status')");
                    return ExitCodes.Failed;
                }

                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(session.Console.Out) });
                var runner = session.Services.GetRequiredService<IndexCommandRunner>();
                IndexRunSummary summary = null!;
                await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progressContext =>
                    {
                        var task = progressContext.AddTask("scanning", maxValue: 1);
                        var progress = new SynchronousProgress<IndexProgress>(p =>
                        {
                            task.Description = p.Phase.ToString().ToLowerInvariant();
                            task.MaxValue = Math.Max(1, p.Total);
                            task.Value = p.Completed;
                        });
                        summary = await runner.RunAsync(result.GetValue(rescan), progress, ct);
                        task.Value = task.MaxValue;
                    });

                var table = new Table().AddColumn("").AddColumn(new TableColumn("count").RightAligned());
                table.AddRow("files on disk", summary.FilesOnDisk.ToString());
                table.AddRow("queued", summary.FilesQueued.ToString());
                table.AddRow("analysed", summary.Analyzed.ToString());
                table.AddRow("thumbnails made", summary.ThumbnailsMade.ToString());
                table.AddRow("damaged", summary.Damaged.ToString());
                table.AddRow("failed", summary.Failed.ToString());
                table.AddRow("quarantined", summary.Quarantined.ToString());
                table.AddRow("marked missing", summary.MarkedMissing.ToString());
                table.AddRow("items in index", summary.ItemsInIndex.ToString());
                table.AddRow("elapsed", summary.Elapsed.ToString(@"hh\:mm\:ss\.f"));
                console.Write(table);
                return summary.Failed > 0 || summary.Quarantined > 0 ? ExitCodes.Failed : ExitCodes.Ok;
            }, cancellationToken));
        return command;
    }
}
