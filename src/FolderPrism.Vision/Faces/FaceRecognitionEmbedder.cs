using FolderPrism.Vision.Imaging;
using FolderPrism.Vision.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace FolderPrism.Vision.Faces;

/// <summary>
/// The alternative embedder (<c>Vision:Embedder = face_recognition</c>): face-api's dlib-derived ResNet, rebuilt as
/// ONNX by the converter. Aligned 150×150 RGB crop in 0..255 (the mean subtraction and /255 are inside the graph)
/// → raw 128-d descriptor, compared by euclidean distance (face-api's same-person threshold ≈ 0.6), so the vector
/// is kept as the network gives it, not normalised.
/// </summary>
public sealed class FaceRecognitionEmbedder : IFaceEmbedder
{
    public const int Size = 150;
    private const string Output = "descriptor";
    private readonly VisionSessions _sessions;
    private readonly double _cropScale;

    /// <param name="sessions">Model sessions.</param>
    /// <param name="cropScale">Crop side as a multiple of the detector box's longer side.</param>
    public FaceRecognitionEmbedder(VisionSessions sessions, double cropScale = 1.0)
    {
        _sessions = sessions;
        _cropScale = cropScale;
    }

    public FaceEmbedding Embed(RgbImage image, DetectedFace face, CancellationToken ct) => Embed(image, face, double.NegativeInfinity, ct);

    private FaceEmbedding Embed(RgbImage image, DetectedFace face, double minSharpness, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var input = new DenseTensor<float>([1, Size, Size, 3]);
        ImageSampler.Sample(image, AlignedCrop(image, face), Size, Size, input.Buffer.Span, 1f, 0f);
        var sharpness = Sharpness(input.Buffer.Span, Size);
        if (sharpness < minSharpness)
        {
            return new FaceEmbedding([], sharpness, FaceDistanceMetric.Euclidean);
        }

        using var lease = _sessions.Lease(VisionModelCatalog.FaceRecognition.Id);
        var session = lease.Session;
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), input)], [Output]);
        return new FaceEmbedding(results.First().AsTensor<float>().ToArray(), sharpness, FaceDistanceMetric.Euclidean);
    }

    /// <summary>One run per face (the alternative embedder is not on the hot path).</summary>
    public IReadOnlyList<FaceEmbedding> EmbedAll(RgbImage image, IReadOnlyList<DetectedFace> faces, CancellationToken ct) =>
        faces.Select(f => Embed(image, f, ct)).ToList();

    /// <inheritdoc/>
    public IReadOnlyList<FaceEmbedding> EmbedAll(RgbImage image, IReadOnlyList<DetectedFace> faces, double minSharpness, CancellationToken ct) =>
        faces.Select(f => Embed(image, f, minSharpness, ct)).ToList();

    /// <summary>Square crop centred on the box, rotated so the eye line is level (decoded-image pixels).</summary>
    internal ImageSampler.Transform AlignedCrop(RgbImage image, DetectedFace face)
    {
        var k = 1 / image.ScaleToOriginal;
        var angle = 0.0;
        if (face.Landmarks.Count >= 2)
        {
            var (a, b) = (face.Landmarks[0], face.Landmarks[1]);
            if (a.X > b.X)
            {
                (a, b) = (b, a);
            }

            angle = Math.Atan2(b.Y - a.Y, b.X - a.X);
        }

        var s = Math.Max(face.Box.Width, face.Box.Height) * _cropScale * k / Size;
        var (ux, uy, vx, vy) = (s * Math.Cos(angle), s * Math.Sin(angle), -s * Math.Sin(angle), s * Math.Cos(angle));
        var half = Size / 2.0;
        return new ImageSampler.Transform((face.Box.CenterX * k) - (half * (ux + vx)), (face.Box.CenterY * k) - (half * (uy + vy)), ux, uy, vx, vy);
    }

    /// <summary>Variance of the 4-neighbour Laplacian of the crop's luma (0..255): low for blurred faces.</summary>
    internal static double Sharpness(ReadOnlySpan<float> rgb, int size)
    {
        var luma = new float[size * size];
        for (var i = 0; i < luma.Length; i++)
        {
            luma[i] = (0.299f * rgb[i * 3]) + (0.587f * rgb[(i * 3) + 1]) + (0.114f * rgb[(i * 3) + 2]);
        }

        double sum = 0, sumSq = 0;
        var n = 0;
        for (var y = 1; y < size - 1; y++)
        {
            for (var x = 1; x < size - 1; x++)
            {
                var i = (y * size) + x;
                double lap = luma[i - 1] + luma[i + 1] + luma[i - size] + luma[i + size] - (4 * luma[i]);
                sum += lap;
                sumSq += lap * lap;
                n++;
            }
        }

        var mean = sum / n;
        return (sumSq / n) - (mean * mean);
    }
}
