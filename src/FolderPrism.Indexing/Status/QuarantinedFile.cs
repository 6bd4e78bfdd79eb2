namespace FolderPrism.Indexing.Status;

public sealed record QuarantinedFile(Guid ItemId, string RelativePath, string Reason, DateTimeOffset? Since);
