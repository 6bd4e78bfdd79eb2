namespace FolderPrism.Core.Library;

public enum ThumbnailState
{
    /// <summary>Not generated yet (a derivatives job is queued or will be).</summary>
    Pending = 0,
    Ready = 1,
    /// <summary>The pixels could not be decoded; see <see cref="MediaItem.DamageReason"/>.</summary>
    Failed = 2,
    /// <summary>Not a photo or video, nothing to render.</summary>
    NotApplicable = 3,
}
