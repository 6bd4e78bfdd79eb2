using System.CommandLine;
using System.Globalization;
using FolderPrism.Host.Configuration;
using FolderPrism.Indexing.Import;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FolderPrism.Host.Cli;

/// <summary>
/// <c>folderprism import PATH... [--move] [--dry-run] [--report FILE]</c>: files photos and videos into
/// <c>Originals/</c> (copy by default), with a progress bar (files, bytes, rate) and a summary table.
/// </summary>
internal sealed class ImportVerb : ICliVerb
{
    public string? Parent => null;

    public Command Build(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files, folders, or .zip/.tgz Takeout archives", Arity = ArgumentArity.OneOrMore };
        var move = new Option<bool>("--move") { Description = "Move instead of copy (a rename on the same file system)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Decide and report, change nothing" };
        var report = new Option<string?>("--report") { Description = "Write a JSON Lines report, one line per input file" };
        var command = new Command("import", "Import photos and videos into Originals/ (dated, de-duplicated)") { paths, move, dryRun, report };
        command.SetAction((result, cancellationToken) => CliSession.RunAsync(
            context.SettingsFrom(result), context.Console, async (session, ct) =>
            {
                var request = new ImportRequest(result.GetValue(paths)!, result.GetValue(move), result.GetValue(dryRun));
                var engine = session.Services.GetRequiredService<ImportEngine>();
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(session.Console.Out) });
                ImportBatchResult outcome = null!;
                await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                        new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                    .StartAsync(async progressContext =>
                    {
                        var task = progressContext.AddTask("reading inputs", maxValue: 1);
                        var progress = new SynchronousProgress<ImportProgress>(p =>
                        {
                            task.Description = $"files {p.FilesDone}/{p.FilesTotal}";
                            task.MaxValue = Math.Max(1, p.BytesTotal);
                            task.Value = p.BytesDone;
                        });
                        outcome = await engine.RunAsync(request, progress, ct);
                        task.Value = task.MaxValue;
                    });

                if (result.GetValue(report) is { } reportPath)
                {
                    await ImportReportWriter.WriteAsync(reportPath, outcome.Entries, ct);
                }

                console.Write(Summary(outcome, request.DryRun));
                if (outcome.StoppedReason is { } reason)
                {
                    await session.Console.Error.WriteLineAsync($"error: {reason}");
                }

                return outcome.StoppedReason is null && outcome.Count(ImportOutcome.Failed) == 0 ? ExitCodes.Ok : ExitCodes.Failed;
            }, cancellationToken));
        return command;
    }

    private static Table Summary(ImportBatchResult outcome, bool dryRun)
    {
        var inv = CultureInfo.InvariantCulture;
        var seconds = Math.Max(outcome.Elapsed.TotalSeconds, 0.001);
        var table = new Table().AddColumn(dryRun ? "dry run" : "").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow(dryRun ? "would import" : "imported", outcome.Count(ImportOutcome.Imported).ToString(inv));
        table.AddRow("duplicates", outcome.Count(ImportOutcome.Duplicate).ToString(inv));
        table.AddRow("rejected", outcome.Count(ImportOutcome.Rejected).ToString(inv));
        table.AddRow("failed", outcome.Count(ImportOutcome.Failed).ToString(inv));
        table.AddRow("bytes imported", outcome.ImportedBytes.ToString("N0", inv));
        table.AddRow("files/s", (outcome.Entries.Count / seconds).ToString("F1", inv));
        table.AddRow("MB/s", (outcome.ImportedBytes / 1e6 / seconds).ToString("F1", inv));
        table.AddRow("elapsed", outcome.Elapsed.ToString(@"hh\:mm\:ss\.f", inv));
        return table;
    }
}
