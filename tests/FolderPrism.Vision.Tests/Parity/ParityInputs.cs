using FolderPrism.Vision.Models;
using FolderPrism.Vision.Tests.Support;

namespace FolderPrism.Vision.Tests.Parity;

/// <summary>Fixed, image-like inputs (smooth gradients + seeded noise) in each model's expected value range.</summary>
internal static class ParityInputs
{
    public static NamedTensor For(VisionModelSpec spec)
    {
        var (name, low, high) = spec.Id switch
        {
            "face-detector" => ("input", -1f, 1f),
            "face-detector-back" => ("input", -1f, 1f),
            "face-embedder" => ("input_1", 0f, 255f),
            "object-detector" => ("tower_0/images", 0f, 255f),
            _ => throw new ArgumentException(spec.Id),
        };
        var size = spec.InputSize;
        var random = new Random(7);
        var data = new float[size * size * 3];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var smooth = 0.5 + (0.4 * Math.Sin((x * (c + 1) * 0.05) + (y * 0.03)));
                    var v = Math.Clamp(smooth + ((random.NextDouble() - 0.5) * 0.2), 0, 1);
                    data[(((y * size) + x) * 3) + c] = (float)(low + (v * (high - low)));
                }
            }
        }

        return new NamedTensor(name, [1, size, size, 3], data);
    }
}
