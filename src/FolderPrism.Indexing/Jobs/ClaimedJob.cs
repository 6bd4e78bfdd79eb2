using FolderPrism.Core.Library;

namespace FolderPrism.Indexing.Jobs;

/// <summary>A job durably marked started (attempt counted) and now owned by one worker.</summary>
public sealed record ClaimedJob(long Id, Guid ItemId, JobKind Kind, long Version, int Attempts);
