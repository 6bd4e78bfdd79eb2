using FolderPrism.Vision.Converter.FaceApi;
using FolderPrism.Vision.Imaging;
using FolderPrism.Vision.Tests.Support;
using Xunit.Abstractions;

namespace FolderPrism.Vision.Tests.Parity;

/// <summary>
/// face-api 1.7.15's face_recognition model rebuilt as ONNX from its weights manifest, against face-api's own
/// FaceRecognitionNet run by pure-JS tfjs on the same fixed inputs (two synthetic, one real face crop):
/// max |onnx − face-api| relative to the descriptor's range must stay ≤ 1e-3.
/// </summary>
public sealed class FaceRecognitionParityTests(ITestOutputHelper output)
{
    [Fact]
    public void Rebuilt_face_recognition_matches_face_api()
    {
        var manifest = FaceApiRunner.RecognitionManifest;
        var onnx = FaceRecognitionNetConverter.Convert(manifest);
        var inputs = new[] { TinyFaceRecognitionWeights.Input(7), TinyFaceRecognitionWeights.Input(8), FaceCrop() };
        var expected = FaceApiRunner.Run(manifest, inputs);
        double worst = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var actual = OrtRunner.Run(onnx, [inputs[i]])[FaceRecognitionNetConverter.OutputName];
            actual.Shape.ShouldBe([1, 128]);
            var diff = OrtRunner.MaxRelativeDifference(actual, expected[i] with { Name = FaceRecognitionNetConverter.OutputName });
            output.WriteLine($"face-recognition input {i}: shape [{string.Join(",", actual.Shape)}] max relative difference {diff:E2}");
            worst = Math.Max(worst, diff);
        }

        worst.ShouldBeLessThanOrEqualTo(1e-3);
    }

    /// <summary>A 150×150 region of tracking's faces.jpg (real photo content), RGB 0..255.</summary>
    private static NamedTensor FaceCrop()
    {
        var image = VisionImageLoader.Load(SamplePhotos.ThreeFaces);
        var data = new float[150 * 150 * 3];
        ImageSampler.Sample(image, ImageSampler.Transform.Axis(40, 60, 150.0 / 150), 150, 150, data, 1f, 0f);
        return new NamedTensor("input", [1, 150, 150, 3], data);
    }
}
