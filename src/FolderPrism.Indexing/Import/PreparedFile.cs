using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// The result of the parallel, order-independent part of importing one input: its analysis (hash, metadata, date),
/// its pixel check, or a verdict already reached (rejected, unreadable). <see cref="PixelsDeferred"/> is set when the
/// bytes were already in the library at analysis time, so decoding was skipped (the file is almost surely a duplicate).
/// </summary>
internal sealed record PreparedFile(
    ImportFile File, MediaAnalysis? Analysis, PixelCheck? Pixels, ImportReportEntry? Verdict, bool PixelsDeferred = false);
