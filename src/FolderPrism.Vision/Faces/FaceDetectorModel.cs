using FolderPrism.Vision.Imaging;
using FolderPrism.Vision.Models;
using Microsoft.ML.OnnxRuntime;

namespace FolderPrism.Vision.Faces;

/// <summary>
/// Input size, anchor grid and output assembly of a MediaPipe-style face detector. Each anchor yields 17 values:
/// score logit, box centre offset and size (input pixels), six landmark offsets.
/// </summary>
internal sealed class FaceDetectorModel
{
    /// <summary>facemesh-detection-full: one anchor per cell of a 48×48 grid (stride 4).</summary>
    public static readonly FaceDetectorModel FullRange = new(VisionModelCatalog.FaceDetector.Id, 192, [(4, 1)], ["Identity"]);

    /// <summary>blazeface-back: 16×16×2 then 8×8×6 anchors; scores and regressors come as four separate outputs.</summary>
    public static readonly FaceDetectorModel BlazeFaceBack = new(VisionModelCatalog.FaceDetectorBack.Id, 256, [(16, 2), (32, 6)], ["Identity", "Identity_2", "Identity_1", "Identity_3"]);

    private readonly string[] _outputs;

    private FaceDetectorModel(string modelId, int inputSize, (int Stride, int PerCell)[] grid, string[] outputs)
    {
        ModelId = modelId;
        InputSize = inputSize;
        _outputs = outputs;
        var anchors = new List<(double, double)>();
        foreach (var (stride, perCell) in grid)
        {
            var cells = (inputSize + stride - 1) / stride;
            for (var y = 0; y < cells; y++)
            {
                for (var x = 0; x < cells; x++)
                {
                    for (var n = 0; n < perCell; n++)
                    {
                        anchors.Add((stride * (x + 0.5), stride * (y + 0.5)));
                    }
                }
            }
        }

        Anchors = anchors;
    }

    public string ModelId { get; }

    public int InputSize { get; }

    public IReadOnlyList<(double X, double Y)> Anchors { get; }

    /// <summary>Anchors × 17 values.</summary>
    public int OutputLength => Anchors.Count * 17;

    /// <summary>Runs the model and writes anchors × 17 values in anchor order into <paramref name="merged"/>
    /// (read straight from ONNX Runtime's output buffers: no per-pass allocation).</summary>
    public void Run(VisionSessions sessions, TensorInput input, Span<float> merged)
    {
        using var lease = sessions.Lease(ModelId);
        var session = lease.Session;
        using var value = input.ToOrtValue();
        using var options = new RunOptions();
        using var results = session.Run(options, [session.InputNames[0]], [value], _outputs);
        if (_outputs.Length == 1)
        {
            results[0].GetTensorDataAsSpan<float>()[..OutputLength].CopyTo(merged);
            return;
        }

        // (scores, regressors) pairs per anchor level, concatenated level by level.
        var offset = 0;
        for (var level = 0; level < _outputs.Length; level += 2)
        {
            var scores = results[level].GetTensorDataAsSpan<float>();
            var boxes = results[level + 1].GetTensorDataAsSpan<float>();
            for (var i = 0; i < scores.Length; i++)
            {
                merged[(offset + i) * 17] = scores[i];
                boxes.Slice(i * 16, 16).CopyTo(merged[(((offset + i) * 17) + 1)..]);
            }

            offset += scores.Length;
        }
    }
}
