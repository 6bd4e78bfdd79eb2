namespace FolderPrism.Core.Media;

/// <summary>
/// A face rectangle, normalised to 0..1 of the upright image (EXIF orientation applied), with the person's name when
/// a tool (digiKam, Lightroom, Picasa, Windows Photos) or a user named it.
/// </summary>
public sealed record FaceRegion(string? Name, double X, double Y, double Width, double Height, string Source);
