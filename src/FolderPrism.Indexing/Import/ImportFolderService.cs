using System.Globalization;
using FolderPrism.Core.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// Watches <c>&lt;library&gt;/Import</c>. Each subfolder, and the loose files at its top, is a source; a source is
/// imported (moved into <c>Originals/</c>) once nothing in it has changed for the quiet period, so half-copied files and
/// RAW+XMP+JPEG groups arrive whole. What cannot be imported goes to <c>Import/_failed/</c> with a <c>.txt</c> reason;
/// consumed Takeout JSON and archives go to the batch's folder in the data dir next to its JSON Lines report.
/// Polling (not inotify) keeps this robust on network and FUSE mounts; a scan of a drop folder is cheap.
/// </summary>
public sealed class ImportFolderService(
    ImportEngine engine,
    IOptions<ImportOptions> options,
    IOptions<LibraryOptions> library,
    IOptions<DataOptions> data,
    TimeProvider time,
    ILogger<ImportFolderService> logger,
    IHostApplicationLifetime? lifetime = null) : BackgroundService
{
    public const string FailedFolderName = "_failed";
    private readonly Dictionary<string, (string Signature, DateTimeOffset Since)> seen = new(StringComparer.Ordinal);

    /// <summary>Where each batch's report and leftovers go.</summary>
    public string BatchesRoot => Path.Combine(data.Value.FullPath, "imports");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WatchImportFolder)
        {
            return;
        }

        // The first scan walks Import/ (and may start a batch): only once the server listens, off the start-up path.
        await Task.Yield();
        if (lifetime is not null && !await Jobs.HostStarted.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        var quiet = options.Value.QuietPeriod;
        var poll = TimeSpan.FromMilliseconds(Math.Clamp(quiet.TotalMilliseconds / 4, 100, 2000));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Import folder scan failed: {Message}", e.Message);
            }

            await Task.Delay(poll, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>One pass: imports every source that has been quiet long enough. Returns the batches run.</summary>
    public async Task<IReadOnlyList<ImportBatchResult>> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var root = library.Value.ImportPath;
        Directory.CreateDirectory(root);
        var results = new List<ImportBatchResult>();
        var now = time.GetUtcNow();
        var live = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, paths) in Sources(root))
        {
            live.Add(key);
            var signature = Signature(paths);
            if (!seen.TryGetValue(key, out var last) || last.Signature != signature)
            {
                seen[key] = (signature, now);
                continue;
            }

            if (now - last.Since < options.Value.QuietPeriod || !HasInputs(paths))
            {
                continue;
            }

            results.Add(await ImportSourceAsync(root, paths, cancellationToken));
            seen.Remove(key);
        }

        foreach (var gone in seen.Keys.Where(k => !live.Contains(k)).ToList())
        {
            seen.Remove(gone);
        }

        return results;
    }

    private async Task<ImportBatchResult> ImportSourceAsync(string root, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var request = new ImportRequest(paths, Move: true) { SkipDirectories = new HashSet<string>(StringComparer.Ordinal) { FailedFolderName } };
        var result = await engine.RunAsync(request, progress: null, cancellationToken);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var batchFolder = Path.Combine(BatchesRoot, $"{stamp}-{result.BatchId:N}");
        Directory.CreateDirectory(batchFolder);
        // A stopped batch (disk full) leaves its failed inputs in Import/ to be retried, not filed away as bad.
        foreach (var entry in result.Entries.Where(e => e.Kind is not ImportOutcome.Imported &&
                                                        !(result.StoppedReason is not null && e.Kind is ImportOutcome.Failed)))
        {
            MoveToFailed(root, entry);
        }

        foreach (var path in paths)
        {
            SweepLeftovers(root, path, batchFolder);
        }

        await ImportReportWriter.WriteAsync(Path.Combine(batchFolder, "report.jsonl"), result.Entries, cancellationToken);
        logger.LogInformation("Import batch {Batch}: {Imported} imported, {Duplicates} duplicates, {Rejected} rejected, {Failed} failed",
            result.BatchId, result.Count(ImportOutcome.Imported), result.Count(ImportOutcome.Duplicate),
            result.Count(ImportOutcome.Rejected), result.Count(ImportOutcome.Failed));
        return result;
    }

    private void MoveToFailed(string root, ImportReportEntry entry)
    {
        var source = Path.GetFullPath(entry.Source);
        if (entry.Source.Contains('!', StringComparison.Ordinal) || !File.Exists(source))
        {
            return; // inside an archive (the archive itself is kept) or already gone
        }

        var relative = Path.GetRelativePath(root, source);
        var target = Path.Combine(root, FailedFolderName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            target = Path.Combine(Path.GetDirectoryName(target)!, $"{Path.GetFileNameWithoutExtension(target)}_{Guid.NewGuid().ToString("N")[..8]}{Path.GetExtension(target)}");
        }

        File.Move(source, target, overwrite: false);
        var reason = entry.DuplicateOf is { } of ? $"{entry.Outcome}: {entry.Message} Duplicate of Originals/{of}" : $"{entry.Outcome}: {entry.Message}";
        File.WriteAllText(target + ".txt", reason + Environment.NewLine);
    }

    /// <summary>Takeout JSON, archives and emptied folders left after a batch: kept in the batch folder, not in Import/.</summary>
    private static void SweepLeftovers(string root, string path, string batchFolder)
    {
        if (File.Exists(path))
        {
            if (ImportInputs.IsArchive(path) || Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase))
            {
                MoveInto(root, path, batchFolder);
            }

            return;
        }

        if (!Directory.Exists(path))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || ImportInputs.IsArchive(file))
            {
                MoveInto(root, file, batchFolder);
            }
        }

        foreach (var dir in Directory.EnumerateDirectories(path, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).Append(path))
        {
            if (!Directory.EnumerateFileSystemEntries(dir).Any())
            {
                Directory.Delete(dir);
            }
        }
    }

    private static void MoveInto(string root, string file, string batchFolder)
    {
        var target = Path.Combine(batchFolder, "leftovers", Path.GetRelativePath(root, file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!File.Exists(target))
        {
            File.Move(file, target);
        }
    }

    private static IEnumerable<(string Key, IReadOnlyList<string> Paths)> Sources(string root)
    {
        foreach (var dir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            if (name != FailedFolderName && !ImportInputs.IsSkippedName(name))
            {
                yield return (dir, [dir]);
            }
        }

        var loose = Directory.EnumerateFiles(root).Order(StringComparer.Ordinal).ToList();
        if (loose.Count > 0)
        {
            yield return (root + "/", loose);
        }
    }

    private static bool HasInputs(IReadOnlyList<string> paths) =>
        paths.Any(p => File.Exists(p) ? !ImportInputs.IsSkippedName(Path.GetFileName(p)) && !p.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            : Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Any(f => !ImportInputs.IsSkippedName(Path.GetFileName(f)) && !f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Names, sizes and mtimes of everything in the source (hidden upload temps included: they mean "not quiet").</summary>
    private static string Signature(IReadOnlyList<string> paths)
    {
        var hash = new HashCode();
        foreach (var p in paths)
        {
            IEnumerable<string> files = File.Exists(p) ? [p] : Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
            foreach (var f in files)
            {
                var info = new FileInfo(f);
                hash.Add(f, StringComparer.Ordinal);
                hash.Add(info.Exists ? info.Length : -1);
                hash.Add(info.Exists ? info.LastWriteTimeUtc.Ticks : 0);
            }
        }

        return hash.ToHashCode().ToString(CultureInfo.InvariantCulture);
    }
}
