using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Imaging;
using FolderPrism.Vision.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace FolderPrism.Vision.Objects;

/// <summary>CenterNet (MobileNetV3, 512×512 stretched input in 0..255) with C# peak decoding and per-class NMS.</summary>
public sealed class ObjectDetector : IObjectDetector
{
    private const int Size = 512;
    private readonly VisionSessions _sessions;
    private readonly ObjectDetectionOptions _options;

    /// <summary>CenterNet's 512 px activations are the largest transient memory of the pipeline: with two photos
    /// analysed at once, one CenterNet run at a time keeps the peak RSS down while the other thread detects or embeds faces.</summary>
    private readonly Lock _oneRunAtATime = new();

    public ObjectDetector(VisionSessions sessions, ObjectDetectionOptions options)
    {
        _sessions = sessions;
        _options = options;
    }

    public IReadOnlyList<DetectedObject> Detect(RgbImage image, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var input = new TensorInput(1, Size, Size);
        Fill(image, input);
        List<DetectedObject> decoded = [];
        Run(input, (heat, wh) => decoded = CenterNetDecoder.Decode(heat, wh, _options.MinScore));
        var sx = image.Width * image.ScaleToOriginal / Size;
        var sy = image.Height * image.ScaleToOriginal / Size;
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

    /// <summary>The raw heads: keypoints [128·128·80] and wh [128·128·4], NHWC order.</summary>
    internal (float[] Heat, float[] Wh) RunRaw(RgbImage image)
    {
        using var input = new TensorInput(1, Size, Size);
        Fill(image, input);
        (float[], float[]) raw = default;
        Run(input, (heat, wh) => raw = (heat.ToArray(), wh.ToArray()));
        return raw;
    }

    internal (float[] Heat, float[] Wh) RunTensor(DenseTensor<float> tensor)
    {
        using var input = new TensorInput(1, Size, Size);
        tensor.Buffer.Span.CopyTo(input.Span);
        (float[], float[]) raw = default;
        Run(input, (heat, wh) => raw = (heat.ToArray(), wh.ToArray()));
        return raw;
    }

    /// <summary>The photo stretched to 512×512 (shrunk by libvips first when much larger), as 0..255 floats.</summary>
    private static void Fill(RgbImage image, TensorInput input)
    {
        var source = image.Width > Size * 1.5 || image.Height > Size * 1.5
            ? VisionImageLoader.Resize(image, (double)Size / image.Width, (double)Size / image.Height)
            : image;
        var t = new ImageSampler.Transform(0, 0, (double)source.Width / Size, 0, 0, (double)source.Height / Size);
        ImageSampler.Sample(source, t, Size, Size, input.Span, 1f, 0f);
    }

    /// <summary>Runs CenterNet and hands the heads to <paramref name="use"/> straight from ONNX Runtime's buffers
    /// (6.5 MB per photo that would otherwise be copied onto the large object heap).</summary>
    private void Run(TensorInput input, HeadsAction use)
    {
        using var gate = _oneRunAtATime.EnterScope();
        using var lease = _sessions.Lease(VisionModelCatalog.ObjectDetector.Id);
        var session = lease.Session;
        using var value = input.ToOrtValue();
        using var options = new RunOptions();
        using var results = session.Run(options, [session.InputNames[0]], [value], ["tower_0/keypoints", "tower_0/wh"]);
        use(results[0].GetTensorDataAsSpan<float>(), results[1].GetTensorDataAsSpan<float>());
    }

    private delegate void HeadsAction(ReadOnlySpan<float> heat, ReadOnlySpan<float> wh);
}
