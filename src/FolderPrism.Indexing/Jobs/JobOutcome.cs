using FolderPrism.Core.Library;

namespace FolderPrism.Indexing.Jobs;

/// <summary>What one job run ended with, for progress reporting.</summary>
public sealed record JobOutcome(long JobId, JobKind Kind, string? RelativePath, JobResult Result, string? Error);
