using System.Text.Json.Nodes;
using FolderPrism.Vision.Converter;
using FolderPrism.Vision.Tests.Support;
using static FolderPrism.Vision.Tests.Support.TinyTfjsModel;

namespace FolderPrism.Vision.Tests.Converter;

/// <summary>Bad models fail with a clear <see cref="TfjsConversionException"/>, never a crash or a broken ONNX file.</summary>
public sealed class ConverterErrorTests
{
    [Fact]
    public void An_unsupported_op_is_named_in_the_error()
    {
        using var temp = new TempDir();
        var path = new TinyTfjsModel().Placeholder("x", 1, 4, 4, 3).Op("y", "Cumsum", ["x"]).Save(temp.Path);
        var e = Should.Throw<TfjsConversionException>(() => TfjsToOnnxConverter.Convert(path, new ConversionOptions { Outputs = ["y"] }));
        e.Message.ShouldContain("Cumsum");
    }

    [Fact]
    public void A_missing_weight_shard_is_reported()
    {
        using var temp = new TempDir();
        var path = new TinyTfjsModel().Placeholder("x", 1, 4, 4, 3).RandomConst("w", [1, 1, 3, 2])
            .Op("y", "Conv2D", ["x", "w"], new JsonObject { ["strides"] = Ints(1, 1, 1, 1), ["padding"] = S("VALID") }).Save(temp.Path);
        File.Delete(Path.Combine(temp.Path, "weights.bin"));
        Should.Throw<TfjsConversionException>(() => TfjsToOnnxConverter.Convert(path)).Message.ShouldContain("weights.bin");
    }

    [Fact]
    public void A_truncated_shard_is_reported()
    {
        using var temp = new TempDir();
        var path = new TinyTfjsModel().Placeholder("x", 1, 4, 4, 3).RandomConst("w", [3, 3, 3, 8])
            .Op("y", "Conv2D", ["x", "w"], new JsonObject { ["strides"] = Ints(1, 1, 1, 1), ["padding"] = S("VALID") }).Save(temp.Path);
        var shard = Path.Combine(temp.Path, "weights.bin");
        File.WriteAllBytes(shard, File.ReadAllBytes(shard)[..100]);
        Should.Throw<TfjsConversionException>(() => TfjsToOnnxConverter.Convert(path)).Message.ShouldContain("'w'");
    }

    [Fact]
    public void Not_a_graph_model_is_reported()
    {
        using var temp = new TempDir();
        var path = temp.File("model.json");
        File.WriteAllText(path, "{\"format\":\"layers-model\"}");
        Should.Throw<TfjsConversionException>(() => TfjsToOnnxConverter.Convert(path)).Message.ShouldContain("not a tfjs graph model");
        File.WriteAllText(path, "{ not json");
        Should.Throw<TfjsConversionException>(() => TfjsToOnnxConverter.Convert(path)).Message.ShouldContain("not valid JSON");
    }

    [Fact]
    public void An_unknown_output_is_reported()
    {
        using var temp = new TempDir();
        var path = new TinyTfjsModel().Placeholder("x", 1, 4, 4, 3).Op("y", "Relu", ["x"]).Save(temp.Path);
        Should.Throw<TfjsConversionException>(() => TfjsToOnnxConverter.Convert(path, new ConversionOptions { Outputs = ["nope"] })).Message.ShouldContain("nope");
    }

    [Fact]
    public void Without_a_signature_unconsumed_nodes_become_outputs_and_dead_branches_are_pruned()
    {
        using var temp = new TempDir();
        var path = new TinyTfjsModel().Placeholder("x", 1, 4, 4, 3).Op("a", "Relu", ["x"]).Op("b", "Sigmoid", ["a"]).Op("c", "Tanh", ["a"]).Save(temp.Path);
        var onnx = TfjsToOnnxConverter.Convert(path);
        var outputs = OrtRunner.Run(onnx, [new NamedTensor("x", [1, 4, 4, 3], new float[48])]);
        outputs.Keys.Order().ShouldBe(["b", "c"]);
        outputs["b"].Data.ShouldAllBe(v => Math.Abs(v - 0.5f) < 1e-6);
        var cut = OrtRunner.Run(TfjsToOnnxConverter.Convert(path, new ConversionOptions { Outputs = ["b"] }), [new NamedTensor("x", [1, 4, 4, 3], new float[48])]);
        cut.Keys.ShouldBe(["b"]);
    }
}
