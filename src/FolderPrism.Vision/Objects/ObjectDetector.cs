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

    public ObjectDetector(VisionSessions sessions, ObjectDetectionOptions options)
    {
        _sessions = sessions;
        _options = options;
    }

    public IReadOnlyList<DetectedObject> Detect(RgbImage image, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var (heat, wh) = RunRaw(image);
        var sx = image.Width * image.ScaleToOriginal / Size;
        var sy = image.Height * image.ScaleToOriginal / Size;
        var kept = new List<DetectedObject>();
        foreach (var o in CenterNetDecoder.Decode(heat, wh, _options.MinScore))
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
        var input = new DenseTensor<float>([1, Size, Size, 3]);
        var source = image.Width > Size * 1.5 || image.Height > Size * 1.5
            ? VisionImageLoader.Resize(image, (double)Size / image.Width, (double)Size / image.Height)
            : image;
        var t = new ImageSampler.Transform(0, 0, (double)source.Width / Size, 0, 0, (double)source.Height / Size);
        ImageSampler.Sample(source, t, Size, Size, input.Buffer.Span, 1f, 0f);
        return RunTensor(input);
    }

    internal (float[] Heat, float[] Wh) RunTensor(DenseTensor<float> input)
    {
        using var lease = _sessions.Lease(VisionModelCatalog.ObjectDetector.Id);
        var session = lease.Session;
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), input)], ["tower_0/keypoints", "tower_0/wh"]);
        var byName = results.ToDictionary(r => r.Name, r => r.AsTensor<float>().ToArray());
        return (byName["tower_0/keypoints"], byName["tower_0/wh"]);
    }
}
