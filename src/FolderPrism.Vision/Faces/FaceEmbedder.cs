using System.Buffers;
using FolderPrism.Vision.Imaging;
using FolderPrism.Vision.Models;
using Microsoft.ML.OnnxRuntime;

namespace FolderPrism.Vision.Faces;

/// <summary>faceres (HSE FaceRes, MobileNet): aligned 224×224 RGB crop in 0..255 → 1024-d descriptor.</summary>
public sealed class FaceEmbedder : IFaceEmbedder
{
    private const int Size = 224;
    private const string Output = "global_pooling/Mean";

    /// <summary>Faces per model run by default. Measured with one intra-op thread: batches of 4 or 8 saved no CPU
    /// that rose above the noise (the convolutions dominate, not the per-run overhead), while activation memory grows
    /// with the batch (~75 MB more peak RSS with two threads at 4), so one face per run.</summary>
    public const int DefaultMaxBatch = 1;

    private readonly VisionSessions _sessions;
    private readonly double _cropScale;
    private readonly int _maxBatch;

    /// <param name="sessions">Model sessions.</param>
    /// <param name="cropScale">Crop side as a multiple of the detector box's longer side.</param>
    /// <param name="maxBatch">Faces per model run (activation memory grows with it).</param>
    public FaceEmbedder(VisionSessions sessions, double cropScale = 1.0, int maxBatch = DefaultMaxBatch)
    {
        _sessions = sessions;
        _cropScale = cropScale;
        _maxBatch = Math.Max(1, maxBatch);
    }

    public FaceEmbedding Embed(RgbImage image, DetectedFace face, CancellationToken ct) => EmbedAll(image, [face], ct)[0];

    /// <summary>
    /// Up to <c>maxBatch</c> aligned crops per run ([N,224,224,3]) under one session lease (see
    /// <see cref="DefaultMaxBatch"/> for why the default is one).
    /// </summary>
    public IReadOnlyList<FaceEmbedding> EmbedAll(RgbImage image, IReadOnlyList<DetectedFace> faces, CancellationToken ct) =>
        EmbedAll(image, faces, double.NegativeInfinity, ct);

    /// <inheritdoc/>
    public IReadOnlyList<FaceEmbedding> EmbedAll(RgbImage image, IReadOnlyList<DetectedFace> faces, double minSharpness, CancellationToken ct)
    {
        var result = new FaceEmbedding[faces.Count];
        if (faces.Count == 0)
        {
            return result;
        }

        using var lease = _sessions.Lease(VisionModelCatalog.FaceEmbedder.Id);
        var session = lease.Session;
        using var input = new TensorInput(Math.Min(_maxBatch, faces.Count), Size, Size);
        var batch = new List<(int Face, double Sharpness)>(_maxBatch);
        for (var f = 0; f < faces.Count; f++)
        {
            ct.ThrowIfCancellationRequested();
            var crop = input.Span.Slice(batch.Count * Size * Size * 3, Size * Size * 3);
            ImageSampler.Sample(image, AlignedCrop(image, faces[f]), Size, Size, crop, 1f, 0f);
            var sharpness = Sharpness(crop);
            if (sharpness < minSharpness)
            {
                result[f] = new FaceEmbedding([], sharpness); // its slot is overwritten by the next crop
                continue;
            }

            batch.Add((f, sharpness));
            if (batch.Count == _maxBatch)
            {
                Run(session, input, batch, result);
            }
        }

        if (batch.Count > 0)
        {
            Run(session, input, batch, result);
        }

        return result;
    }

    private static void Run(InferenceSession session, TensorInput input, List<(int Face, double Sharpness)> batch, FaceEmbedding[] result)
    {
        using var value = input.ToOrtValue(batch.Count);
        using var options = new RunOptions();
        using var results = session.Run(options, [session.InputNames[0]], [value], [Output]);
        var vectors = results[0].GetTensorDataAsSpan<float>();
        var dim = vectors.Length / batch.Count;
        for (var i = 0; i < batch.Count; i++)
        {
            result[batch[i].Face] = new FaceEmbedding(FaceVectors.Normalize(vectors.Slice(i * dim, dim)), batch[i].Sharpness);
        }

        batch.Clear();
    }

    /// <summary>Square crop centred on the box, rotated by the eye line (decoded-image pixels).</summary>
    internal ImageSampler.Transform AlignedCrop(RgbImage image, DetectedFace face)
    {
        var k = 1 / image.ScaleToOriginal;
        var a = face.Landmarks[0];
        var b = face.Landmarks[1];
        if (a.X > b.X)
        {
            (a, b) = (b, a);
        }

        var angle = Math.Atan2(b.Y - a.Y, b.X - a.X);
        var side = Math.Max(face.Box.Width, face.Box.Height) * _cropScale * k;
        var s = side / Size;
        var (ux, uy, vx, vy) = (s * Math.Cos(angle), s * Math.Sin(angle), -s * Math.Sin(angle), s * Math.Cos(angle));
        var cx = face.Box.CenterX * k;
        var cy = face.Box.CenterY * k;
        var half = Size / 2.0;
        return new ImageSampler.Transform(cx - (half * (ux + vx)), cy - (half * (uy + vy)), ux, uy, vx, vy);
    }

    /// <summary>Variance of the 4-neighbour Laplacian of the crop's luma: low for blurred faces.</summary>
    internal static double Sharpness(ReadOnlySpan<float> rgb)
    {
        var rented = ArrayPool<float>.Shared.Rent(Size * Size);
        var luma = rented.AsSpan(0, Size * Size);
        for (var i = 0; i < luma.Length; i++)
        {
            luma[i] = (0.299f * rgb[i * 3]) + (0.587f * rgb[(i * 3) + 1]) + (0.114f * rgb[(i * 3) + 2]);
        }

        double sum = 0, sumSq = 0;
        var n = 0;
        for (var y = 1; y < Size - 1; y++)
        {
            for (var x = 1; x < Size - 1; x++)
            {
                var i = (y * Size) + x;
                double lap = luma[i - 1] + luma[i + 1] + luma[i - Size] + luma[i + Size] - (4 * luma[i]);
                sum += lap;
                sumSq += lap * lap;
                n++;
            }
        }

        ArrayPool<float>.Shared.Return(rented);
        var mean = sum / n;
        return (sumSq / n) - (mean * mean);
    }
}
