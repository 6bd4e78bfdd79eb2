using FolderPrism.Vision.Converter;
using FolderPrism.Vision.Converter.FaceApi;
using FolderPrism.Vision.Tests.Support;
using Xunit.Abstractions;

namespace FolderPrism.Vision.Tests.Converter;

/// <summary>
/// The rebuilt FaceRecognitionNet on small random weights with face-api's layer names, against face-api's own
/// network code (pure-JS tfjs) on the same inputs: every layer kind (folded scale layer, 'valid' stride-2 convs,
/// max/avg pools, zero-channel shortcut padding, the zero row/column face-api adds at odd sizes, global mean, fc).
/// Each down stage doubles the channels, as face-api's residualDown requires (it pads the shortcut with as many
/// zero channels as it has).
/// </summary>
public sealed class FaceRecognitionNetTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(4, 8, 16, 32)]
    [InlineData(3, 6, 12, 24)]
    public void Rebuilt_network_matches_face_api_on_random_weights(int c32, int c64, int c128, int c256)
    {
        using var temp = new TempDir();
        var manifest = TinyFaceRecognitionWeights.Write(temp.Path, c32, c64, c128, c256, 16);
        var onnx = FaceRecognitionNetConverter.Convert(manifest);
        var inputs = new[] { TinyFaceRecognitionWeights.Input(1), TinyFaceRecognitionWeights.Input(2) };
        var expected = FaceApiRunner.Run(manifest, inputs);
        for (var i = 0; i < inputs.Length; i++)
        {
            var actual = OrtRunner.Run(onnx, [inputs[i]])[FaceRecognitionNetConverter.OutputName];
            var diff = OrtRunner.MaxRelativeDifference(actual, expected[i] with { Name = FaceRecognitionNetConverter.OutputName });
            output.WriteLine($"channels {c32}/{c64}/{c128}/{c256} input {i}: max relative difference {diff:E2}");
            diff.ShouldBeLessThanOrEqualTo(1e-4);
        }
    }

    [Fact]
    public void A_missing_weight_is_a_clear_error()
    {
        using var temp = new TempDir();
        var manifest = TinyFaceRecognitionWeights.Write(temp.Path, 4, 8, 16, 32, 16, "conv128_1/conv2/scale/biases");
        var error = Should.Throw<TfjsConversionException>(() => FaceRecognitionNetConverter.Convert(manifest));
        error.Message.ShouldContain("conv128_1/conv2/scale/biases");
    }

    [Fact]
    public void A_shortcut_wider_than_its_conv_branch_is_refused()
    {
        using var temp = new TempDir();
        var manifest = TinyFaceRecognitionWeights.Write(temp.Path, 8, 4, 8, 8, 16);
        var error = Should.Throw<TfjsConversionException>(() => FaceRecognitionNetConverter.Convert(manifest));
        error.Message.ShouldContain("conv64_down");
    }

    [Fact]
    public void A_file_that_is_not_a_manifest_is_a_clear_error()
    {
        using var temp = new TempDir();
        var path = temp.File("x-weights_manifest.json");
        File.WriteAllText(path, "{\"format\": \"graph-model\"}");
        Should.Throw<TfjsConversionException>(() => FaceRecognitionNetConverter.Convert(path)).Message.ShouldContain("not a tfjs weights manifest");
        Should.Throw<TfjsConversionException>(() => FaceRecognitionNetConverter.Convert(temp.File("missing.json"))).Message.ShouldContain("not found");
    }
}
