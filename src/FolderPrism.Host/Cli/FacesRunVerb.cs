using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FolderPrism.Host.Configuration;
using FolderPrism.Vision.Library;
using FolderPrism.Vision.Models;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FolderPrism.Host.Cli;

/// <summary>
/// <c>folderprism faces run</c>: analyses every pending photo (faces, descriptors, labels) in the foreground with a
/// progress bar, then clusters people: incrementally (new faces join people and clusters, the rest forms new clusters),
/// or everything again with <c>--recluster</c>. Photos are pending once indexed with thumbnails and until analysed in
/// their current version; faces whose descriptor is another embedder's (<c>Vision:Embedder</c> switched) are
/// embedded again before clustering. Refuses while a daemon works on the same data folder: its vision worker does the same job.
/// </summary>
internal sealed class FacesRunVerb : ICliVerb
{
    public string? Parent => "faces";

    public Command Build(CliContext context)
    {
        var recluster = new Option<bool>("--recluster") { Description = "Re-cluster every face instead of placing only new ones (cluster ids kept where possible)" };
        var command = new Command("run", "Find faces and labels in pending photos now, then group people") { recluster };
        command.SetAction((result, cancellationToken) => CliSession.RunAsync(
            context.SettingsFrom(result), context.Console, async (session, ct) =>
            {
                if (await DaemonProbe.IsRunningAsync(session.Data.FullPath, ct))
                {
                    await session.Console.Error.WriteLineAsync(
                        "error: a FolderPrism daemon is running on this data folder; its vision worker processes photos in the background");
                    return ExitCodes.Failed;
                }

                var processor = session.Services.GetRequiredService<VisionProcessor>();
                if (!processor.IsAvailable)
                {
                    await session.Console.Error.WriteLineAsync($"error: {session.Services.GetRequiredService<ModelStore>().Describe()}");
                    return ExitCodes.Failed;
                }

                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(session.Console.Out) });
                var refresher = session.Services.GetRequiredService<DescriptorRefresher>();
                var total = await processor.CountPendingAsync(ct);
                var (photos, faces, failed, refreshed) = (0, 0, 0, 0);
                var clock = Stopwatch.StartNew();
                await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progressContext =>
                    {
                        var task = progressContext.AddTask("faces", maxValue: Math.Max(1, total));
                        while (await processor.ListPendingAsync(8, ct) is { Count: > 0 } batch)
                        {
                            foreach (var photo in batch)
                            {
                                var outcome = processor.Analyze(photo, ct);
                                faces += await processor.SaveAsync(outcome, ct);
                                failed += outcome.Error is null ? 0 : 1;
                                photos++;
                                task.MaxValue = Math.Max(task.MaxValue, photos);
                                task.Value = photos;
                            }
                        }

                        // Faces embedded by another embedder (Vision:Embedder switched) or regions without a descriptor.
                        var stale = await refresher.CountStaleAsync(ct);
                        if (stale > 0)
                        {
                            var again = progressContext.AddTask("descriptors", maxValue: stale);
                            var skip = new HashSet<Guid>();
                            while (await refresher.ListStaleAsync(8, skip, ct) is { Count: > 0 } batch)
                            {
                                foreach (var photo in batch)
                                {
                                    var outcome = refresher.Embed(photo, ct);
                                    var saved = await refresher.SaveAsync(outcome, ct);
                                    refreshed += saved;
                                    if (outcome.Error is not null || saved == 0)
                                    {
                                        skip.Add(photo.ItemId);
                                        failed += outcome.Error is null ? 0 : 1;
                                    }

                                    again.Value = Math.Min(again.MaxValue, refreshed);
                                }
                            }

                            again.Value = again.MaxValue;
                        }

                        task.Description = "people";
                        await session.Services.GetRequiredService<PeopleClusteringRun>().RunAsync(result.GetValue(recluster), ct);
                        task.Value = task.MaxValue;
                    });

                var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
                var table = new Table().AddColumn("").AddColumn(new TableColumn("count").RightAligned());
                table.AddRow("photos analysed", photos.ToString(CultureInfo.InvariantCulture));
                table.AddRow("faces stored", faces.ToString(CultureInfo.InvariantCulture));
                table.AddRow("re-embedded", refreshed.ToString(CultureInfo.InvariantCulture));
                table.AddRow("undecodable", failed.ToString(CultureInfo.InvariantCulture));
                table.AddRow("photos/s", (photos / seconds).ToString("0.00", CultureInfo.InvariantCulture));
                console.Write(table);
                return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
            }, cancellationToken));
        return command;
    }
}
