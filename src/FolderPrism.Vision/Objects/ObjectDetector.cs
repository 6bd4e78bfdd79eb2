using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Imaging;
using FolderPrism.Vision.Models;
using Microsoft.ML.OnnxRuntime;

namespace FolderPrism.Vision.Objects;

/// <summary>
/// CenterNet (MobileNetV3, square stretched input in 0..255) with C# peak decoding and per-class NMS. The input size
/// is <see cref="ObjectDetectionOptions.InputSize"/> when the installed model takes any size (converted with a
/// dynamic input), else the model's own fixed size. Runs of several photos may overlap (sessions are thread-safe).
/// </summary>
public sealed class ObjectDetector : IObjectDetector
{
    private readonly VisionSessions _sessions;
    private readonly ObjectDetectionOptions _options;

    public ObjectDetector(VisionSessions sessions, ObjectDetectionOptions options)
    {
        if (options.InputSize < 64 || options.InputSize % 32 != 0)
        {
            throw new ArgumentException($"Vision:Objects:InputSize must be a multiple of 32 of at least 64 (got {options.InputSize})", nameof(options));
        }

        _sessions = sessions;
        _options = options;
    }

    public IReadOnlyList<DetectedObject> Detect(RgbImage image, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var lease = _sessions.Lease(VisionModelCatalog.ObjectDetector.Id);
        var size = InputSizeOf(lease.Session);
        List<DetectedObject> decoded;
        using (var input = new TensorInput(1, size, size))
        {
            Fill(image, input, size);
            decoded = Run(lease.Session, input, (heat, wh) => CenterNetDecoder.Decode(heat, wh, _options.MinScore));
        }

        var sx = image.Width * image.ScaleToOriginal / size;
        var sy = image.Height * image.ScaleToOriginal / size;
        var kept = new List<DetectedObject>();
        foreach (var o in decoded)
        {
            var box = new FaceBox(o.Box.X * sx, o.Box.Y * sy, o.Box.Width * sx, o.Box.Height * sy);
            if (!kept.Any(k => k.ClassId == o.ClassId && k.Box.IoU(box) > _options.IouThreshold))
            {
                kept.Add(o with { Box = box });
            }
        }

        return kept.Take(_options.MaxObjects).ToList();
    }

    /// <summary>The input edge this session runs at: its fixed size, or the configured one for a dynamic input.</summary>
    internal int InputSizeOf(InferenceSession session)
    {
        var dims = session.InputMetadata[session.InputNames[0]].Dimensions;
        return dims.Length == 4 && dims[1] > 0 ? dims[1] : _options.InputSize;
    }

    /// <summary>The photo stretched to size×size (shrunk by libvips first when much larger), as 0..255 floats.</summary>
    private static void Fill(RgbImage image, TensorInput input, int size)
    {
        var source = image.Width > size * 1.5 || image.Height > size * 1.5
            ? VisionImageLoader.Resize(image, (double)size / image.Width, (double)size / image.Height)
            : image;
        var t = new ImageSampler.Transform(0, 0, (double)source.Width / size, 0, 0, (double)source.Height / size);
        ImageSampler.Sample(source, t, size, size, input.Span, 1f, 0f);
    }

    /// <summary>Runs CenterNet and hands the heads to <paramref name="use"/> straight from ONNX Runtime's buffers
    /// (6.5 MB per photo at 512 that would otherwise be copied onto the large object heap).</summary>
    private static T Run<T>(InferenceSession session, TensorInput input, HeadsFunc<T> use)
    {
        using var value = input.ToOrtValue();
        using var options = new RunOptions();
        using var results = session.Run(options, [session.InputNames[0]], [value], ["tower_0/keypoints", "tower_0/wh"]);
        return use(results[0].GetTensorDataAsSpan<float>(), results[1].GetTensorDataAsSpan<float>());
    }

    private delegate T HeadsFunc<T>(ReadOnlySpan<float> heat, ReadOnlySpan<float> wh);
}
