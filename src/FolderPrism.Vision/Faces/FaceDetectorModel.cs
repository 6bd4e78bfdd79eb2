using FolderPrism.Vision.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

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

    /// <summary>Runs the model and returns anchors × 17 values in anchor order.</summary>
    public float[] Run(VisionSessions sessions, DenseTensor<float> input)
    {
        using var lease = sessions.Lease(ModelId);
        var session = lease.Session;
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), input)], _outputs);
        var byName = results.ToDictionary(r => r.Name, r => r.AsTensor<float>().ToArray());
        if (_outputs.Length == 1)
        {
            return byName[_outputs[0]];
        }

        // (scores, regressors) pairs per anchor level, concatenated level by level.
        var merged = new float[Anchors.Count * 17];
        var offset = 0;
        for (var level = 0; level < _outputs.Length; level += 2)
        {
            var scores = byName[_outputs[level]];
            var boxes = byName[_outputs[level + 1]];
            for (var i = 0; i < scores.Length; i++)
            {
                merged[(offset + i) * 17] = scores[i];
                Array.Copy(boxes, i * 16, merged, ((offset + i) * 17) + 1, 16);
            }

            offset += scores.Length;
        }

        return merged;
    }
}
