using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Imaging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Vision.Library;

/// <summary>
/// The descriptor of a face known only as a rectangle — a box a user drew in the browser — computed at once, so the
/// person learns that face at the next clustering run without re-analysing the whole photo. It uses the same
/// embedder as detection, so the descriptor is comparable with detected faces'. Null when vision is off or the models
/// are not installed: the face is then embedded by the vision worker once they are (it embeds every known region of
/// a photo it analyses).
/// </summary>
public sealed class RegionEmbedder(IPhotoVisionAnalyzer analyzer, IFaceEmbedder embedder, IOptions<VisionOptions> options)
{
    public bool IsAvailable => analyzer.IsAvailable;

    /// <summary>
    /// Embeds <paramref name="normalized"/> (0..1 of the upright image) of the photo at <paramref name="path"/>.
    /// Synchronous and CPU-bound (one bounded decode, one model run): call it off the request thread.
    /// </summary>
    /// <exception cref="InvalidDataException">The file cannot be decoded.</exception>
    public float[]? TryEmbed(string path, FaceBox normalized, CancellationToken ct)
    {
        if (!analyzer.IsAvailable)
        {
            return null;
        }

        var image = VisionImageLoader.Load(path, options.Value.Faces.MaxDecodeEdge);
        var (w, h) = (image.OriginalWidth, image.OriginalHeight);
        var box = new FaceBox(normalized.X * w, normalized.Y * h, normalized.Width * w, normalized.Height * h);
        var embedding = embedder.Embed(image, DetectedFace.FromRegion(box), ct);
        return embedding.IsEmpty ? null : embedding.Vector;
    }
}
