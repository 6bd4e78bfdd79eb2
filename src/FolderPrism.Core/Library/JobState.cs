namespace FolderPrism.Core.Library;

public enum JobState
{
    Pending = 0,
    /// <summary>Durably marked before work begins; a job found in this state at start-up was interrupted by a crash.</summary>
    Started = 1,
    /// <summary>Failed too many times; never retried until the file changes.</summary>
    Quarantined = 2,
}
