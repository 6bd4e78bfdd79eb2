using FolderPrism.Vision.Converter;
using FolderPrism.Vision.Converter.Install;
using FolderPrism.Vision.Models;
using FolderPrism.Vision.Tests.Support;
using Xunit.Abstractions;

namespace FolderPrism.Vision.Tests.Parity;

/// <summary>
/// Every shipped model converted from the pinned npm package and compared with the original run by pure-JS tfjs on
/// the same fixed inputs: max |onnx − tfjs| relative to the output's range must stay ≤ 1e-3.
/// </summary>
public sealed class ModelParityTests(ITestOutputHelper output)
{
    public static TheoryData<string> Models => new(VisionModelCatalog.All.Select(m => m.Id));

    [Theory]
    [MemberData(nameof(Models))]
    public void Converted_model_matches_tfjs(string id)
    {
        var spec = VisionModelCatalog.Get(id);
        var modelJson = Path.Combine(RepoPaths.NodeModules, spec.Package, spec.ModelJson);
        var onnx = TfjsToOnnxConverter.Convert(modelJson, VisionModelInstaller.ConversionOptionsFor(spec));
        var inputs = ParityInputs.For(spec);
        var actual = OrtRunner.Run(onnx, [inputs]);
        var expected = TfjsRunner.Run(modelJson, [inputs], actual.Keys.ToList());
        foreach (var (name, reference) in expected)
        {
            var diff = OrtRunner.MaxRelativeDifference(actual[name], reference);
            output.WriteLine($"{id} {name} shape [{string.Join(",", reference.Shape)}] max relative difference {diff:E2}");
            diff.ShouldBeLessThanOrEqualTo(1e-3, $"{id} output {name}");
        }
    }
}
