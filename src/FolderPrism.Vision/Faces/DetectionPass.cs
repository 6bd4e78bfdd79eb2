namespace FolderPrism.Vision.Faces;

/// <summary>A square region of the decoded image fed to the detector (may extend past the image: letterbox).</summary>
internal readonly record struct DetectionPass(double Left, double Top, double Size, bool IsTile);
