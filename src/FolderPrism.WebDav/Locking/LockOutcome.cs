namespace FolderPrism.WebDav.Locking;

/// <summary>Result of a lock request: the granted lock, or why it was refused.</summary>
public sealed record LockOutcome(DavLock? Lock, DavLock? Conflict, bool TooManyLocks);
