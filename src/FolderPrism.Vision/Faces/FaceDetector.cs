using System.Buffers;
using FolderPrism.Vision.Imaging;
using FolderPrism.Vision.Models;

namespace FolderPrism.Vision.Faces;

/// <summary>MediaPipe full-range face detector (192×192, 2304 anchors on a 48×48 grid) run over letterbox + tiles.</summary>
public sealed class FaceDetector : IFaceDetector
{
    private const int Values = 17;
    private readonly VisionSessions _sessions;
    private readonly FaceDetectionOptions _options;
    private readonly FaceDetectorModel[] _models;

    public FaceDetector(VisionSessions sessions, FaceDetectionOptions options)
    {
        _sessions = sessions;
        _options = options;
        _models = options.CombineModels
            ? [FaceDetectorModel.FullRange, FaceDetectorModel.BlazeFaceBack]
            : [options.UseBackModel ? FaceDetectorModel.BlazeFaceBack : FaceDetectorModel.FullRange];
    }

    public IReadOnlyList<DetectedFace> Detect(RgbImage image, CancellationToken ct) => Detect(image, int.MaxValue, ct);

    public IReadOnlyList<DetectedFace> Detect(RgbImage image, int expectedPeople, CancellationToken ct)
    {
        var passes = Passes(image.Width, image.Height).ToList();
        var candidates = Scan(image, passes.Where(p => !p.IsTile).ToList(), ct);
        var whole = Finish(image, candidates);
        if (passes.All(p => !p.IsTile) || !NeedsTiles(whole, expectedPeople, image))
        {
            return whole;
        }

        candidates.AddRange(Scan(image, passes.Where(p => p.IsTile).ToList(), ct));
        return Finish(image, candidates);
    }

    /// <summary>Tiles are needed unless the whole pass found every expected person and no face small enough
    /// (under 2.5 % of the longer side) to hint at more faces the letterboxed pass could not resolve.</summary>
    internal static bool NeedsTiles(IReadOnlyList<DetectedFace> whole, int expectedPeople, RgbImage image)
    {
        var small = Math.Max(image.OriginalWidth, image.OriginalHeight) * 0.025;
        return whole.Count < expectedPeople || whole.Any(f => Math.Min(f.Box.Width, f.Box.Height) < small);
    }

    private List<DetectedFace> Scan(RgbImage image, List<DetectionPass> passes, CancellationToken ct)
    {
        var candidates = new List<DetectedFace>();
        foreach (var model in _models)
        {
            var size = model.InputSize;
            using var input = new TensorInput(1, size, size);
            var output = ArrayPool<float>.Shared.Rent(model.OutputLength);
            try
            {
                foreach (var group in passes.GroupBy(p => p.Size))
                {
                    // All passes of one size share a scale: shrink the photo once with libvips, then sample ~1:1.
                    var shrink = group.Key / size;
                    var source = shrink > 1.5 ? VisionImageLoader.Resize(image, 1 / shrink, 1 / shrink) : image;
                    var (rx, ry) = ((double)source.Width / image.Width, (double)source.Height / image.Height);
                    foreach (var pass in group)
                    {
                        ct.ThrowIfCancellationRequested();
                        var s = pass.Size / size;
                        var t = new ImageSampler.Transform(pass.Left * rx, pass.Top * ry, s * rx, 0, 0, s * ry);
                        ImageSampler.Sample(source, t, size, size, input.Span, 1 / 127.5f, -1f);
                        model.Run(_sessions, input, output);
                        candidates.AddRange(Decode(model, output, image, pass));
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(output);
            }
        }

        return candidates;
    }

    private List<DetectedFace> Finish(RgbImage image, List<DetectedFace> candidates)
    {
        var scale = image.ScaleToOriginal;
        return FaceNms.Suppress(candidates, _options.IouThreshold)
            .Select(f => new DetectedFace(f.Box.Scale(scale), f.Landmarks.Select(p => new FacePoint(p.X * scale, p.Y * scale)).ToList(), f.Score))
            .Where(f => Math.Min(f.Box.Width, f.Box.Height) >= _options.MinFaceSize)
            .ToList();
    }

    /// <summary>The square regions scanned: the whole image letterboxed, then overlapping tiles for large photos.</summary>
    internal IEnumerable<DetectionPass> Passes(int width, int height)
    {
        var side = Math.Max(width, height);
        yield return new DetectionPass((width - side) / 2.0, (height - side) / 2.0, side, IsTile: false);
        var shortSide = Math.Min(width, height);
        if (shortSide < _options.TileMinShortEdge || _options.TilesPerShortSide < 2)
        {
            yield break;
        }

        var tile = Math.Min(shortSide, shortSide / (double)_options.TilesPerShortSide * (1 + _options.TileOverlap));
        foreach (var top in Offsets(height, tile))
        {
            foreach (var left in Offsets(width, tile))
            {
                yield return new DetectionPass(left, top, tile, IsTile: true);
            }
        }
    }

    private IEnumerable<double> Offsets(int extent, double tile)
    {
        var step = tile * (1 - _options.TileOverlap);
        var count = Math.Max(1, (int)Math.Ceiling((extent - tile) / step) + 1);
        for (var i = 0; i < count; i++)
        {
            yield return count == 1 ? (extent - tile) / 2 : i * (extent - tile) / (count - 1);
        }
    }

    /// <summary>Faces above the score threshold of one pass, in decoded-image pixels.</summary>
    private List<DetectedFace> Decode(FaceDetectorModel model, float[] output, RgbImage image, DetectionPass pass)
    {
        var (originX, originY) = (pass.Left, pass.Top);
        var scaleX = pass.Size / model.InputSize;
        var scaleY = scaleX;
        var faces = new List<DetectedFace>();
        for (var i = 0; i < model.Anchors.Count; i++)
        {
            var o = i * Values;
            var score = 1 / (1 + Math.Exp(-output[o]));
            if (score < _options.MinScore)
            {
                continue;
            }

            var (anchorX, anchorY) = model.Anchors[i];
            var cx = output[o + 1] + anchorX;
            var cy = output[o + 2] + anchorY;
            var (w, h) = (output[o + 3], output[o + 4]);
            var box = new FaceBox(originX + ((cx - (w / 2)) * scaleX), originY + ((cy - (h / 2)) * scaleY), w * scaleX, h * scaleY);
            if (pass.IsTile && TouchesInnerEdge(box, pass, image))
            {
                continue;
            }

            var landmarks = new List<FacePoint>(6);
            for (var k = 0; k < 6; k++)
            {
                landmarks.Add(new FacePoint(originX + ((output[o + 5 + (k * 2)] + anchorX) * scaleX), originY + ((output[o + 6 + (k * 2)] + anchorY) * scaleY)));
            }

            faces.Add(new DetectedFace(box, landmarks, score));
        }

        return faces;
    }

    /// <summary>A face cut by a tile border inside the image is judged in another tile (or the whole pass) instead.</summary>
    private bool TouchesInnerEdge(FaceBox box, DetectionPass pass, RgbImage image)
    {
        var margin = pass.Size * _options.TileEdgeMargin;
        var right = pass.Left + pass.Size;
        var bottom = pass.Top + pass.Size;
        return (pass.Left > 0.5 && box.X < pass.Left + margin)
            || (pass.Top > 0.5 && box.Y < pass.Top + margin)
            || (right < image.Width - 0.5 && box.Right > right - margin)
            || (bottom < image.Height - 0.5 && box.Bottom > bottom - margin);
    }
}
