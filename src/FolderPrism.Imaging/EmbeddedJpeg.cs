namespace FolderPrism.Imaging;

/// <summary>Location and size of a JPEG stream embedded in another file (a RAW preview).</summary>
public sealed record EmbeddedJpeg(int Offset, int Length, int Width, int Height);
