namespace FolderPrism.Core.Media;

/// <summary>
/// Which evidence a capture date came from, strongest first. Kept per item so dates that only came from file
/// times (the rsync-without-<c>-t</c> trap) can be listed for review. Report names: exif, xmp, takeout, video, filename, mtime.
/// </summary>
public enum DateSource
{
    Exif = 0,
    Xmp = 1,
    Takeout = 2,
    Video = 3,
    FileName = 4,
    FileTime = 5,
}
