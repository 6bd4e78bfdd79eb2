using System.Diagnostics;
using FolderPrism.Core.Configuration;
using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Data;
using FolderPrism.Indexing.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// The import shared by <c>folderprism import</c> and the <c>Import/</c> folder: analyse the inputs in parallel (hash,
/// date, reduced decode for the perceptual hash: <see cref="ImportPipeline"/>), then, strictly in input order, decide
/// (duplicate, rejected, or where it goes), copy or move into <c>Originals/</c> through the journal and index at once. One run at a time per data folder (a lock file), journal recovery first.
/// </summary>
public sealed class ImportEngine(
    IDbContextFactory<FolderPrismDbContext> factory,
    IMediaAnalyzer analyzer,
    IMediaProcessor processor,
    IndexWriter writer,
    ImportJournal journal,
    ImportIndexer indexer,
    ImportFingerprinter fingerprinter,
    IOptions<ImportOptions> options,
    IOptions<LibraryOptions> library,
    IOptions<DataOptions> data,
    ILogger<ImportEngine> logger)
{
    private readonly ImportPreparer preparer = new(analyzer, processor, fingerprinter, factory, logger);

    public async Task<ImportBatchResult> RunAsync(
        ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var batchId = Guid.CreateVersion7();
        Directory.CreateDirectory(data.Value.FullPath);
        using var runLock = await AcquireLockAsync(cancellationToken);
        Directory.CreateDirectory(library.Value.OriginalsPath);
        if (!request.DryRun)
        {
            await journal.RecoverAsync(cancellationToken);
        }

        var stagingRoot = Path.Combine(data.Value.FullPath, "import-staging");
        using var inputs = ImportInputs.Collect(request, stagingRoot, cancellationToken);
        var entries = new List<ImportReportEntry>();
        entries.AddRange(inputs.Unreadable.Select(u => new ImportReportEntry { Source = u.Label, Outcome = "failed", Message = u.Message }));

        var allFiles = inputs.Groups.SelectMany(g => g.Media.Concat(g.Xmp)).ToList();
        var totalBytes = allFiles.Sum(f => SafeLength(f.FullPath));
        var parallelism = options.Value.AnalysisParallelism > 0 ? options.Value.AnalysisParallelism : Environment.ProcessorCount;
        await using var pipeline = new ImportPipeline(inputs.Groups.SelectMany(g => g.Media).ToList(), parallelism, Preparer.PrepareAsync, cancellationToken);
        var run = new ImportRun(this, request, batchId, allFiles.Count, totalBytes, entries, progress, pipeline);
        string? stopped = null;
        try
        {
            foreach (var group in inputs.Groups)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await run.ImportGroupAsync(group, cancellationToken);
            }
        }
        catch (ImportStoppedException e)
        {
            stopped = e.Message;
            logger.LogError("Import stopped: {Reason}", e.Message);
            run.ReportUnfinished(allFiles, e.Message);
        }

        return new ImportBatchResult(batchId, entries, stopped, clock.Elapsed);
    }

    internal IDbContextFactory<FolderPrismDbContext> Factory => factory;

    internal IMediaAnalyzer Analyzer => analyzer;

    internal IMediaProcessor Processor => processor;

    internal IndexWriter Writer => writer;

    internal ImportJournal Journal => journal;

    internal ImportIndexer Indexer => indexer;

    internal ImportOptions Options => options.Value;

    internal ImportPreparer Preparer => preparer;

    internal string Originals => library.Value.OriginalsPath;

    internal ILogger Logger => logger;

    private static long SafeLength(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(data.Value.FullPath, "import.lock");
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                logger.LogInformation("Another import is running on this library; waiting");
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }
}
