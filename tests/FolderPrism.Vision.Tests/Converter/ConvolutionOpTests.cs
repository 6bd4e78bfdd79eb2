using System.Text.Json.Nodes;
using FolderPrism.Vision.Tests.Support;
using static FolderPrism.Vision.Tests.Support.TinyTfjsModel;

namespace FolderPrism.Vision.Tests.Converter;

/// <summary>Each spatial op converted alone, run in tfjs and ONNX Runtime on the same random input.</summary>
public sealed class ConvolutionOpTests
{
    private const double Tolerance = 1e-4;

    private static JsonObject ConvAttrs(string padding, int stride, params string[] fused)
    {
        var a = new JsonObject
        {
            ["strides"] = Ints(1, stride, stride, 1),
            ["dilations"] = Ints(1, 1, 1, 1),
            ["padding"] = S(padding),
            ["data_format"] = S("NHWC"),
        };
        if (fused.Length > 0)
        {
            a["fused_ops"] = Strings(fused);
            a["num_args"] = I(fused.Contains("Prelu") ? 2 : 1);
            a["leakyrelu_alpha"] = F(0.1f);
        }

        return a;
    }

    [Theory]
    [InlineData("SAME", 1)]
    [InlineData("SAME", 2)]
    [InlineData("VALID", 2)]
    public void Conv2D_matches_tfjs_with_odd_input_sizes(string padding, int stride)
    {
        var m = new TinyTfjsModel().Placeholder("x", 1, 9, 9, 3).RandomConst("w", [3, 3, 3, 5])
            .Op("y", "Conv2D", ["x", "w"], ConvAttrs(padding, stride));
        OpHarness.Compare(m, [1, 9, 9, 3], "y").ShouldBeLessThan(Tolerance);
    }

    [Theory]
    [InlineData("Relu")]
    [InlineData("Relu6")]
    [InlineData("Prelu")]
    [InlineData("LeakyRelu")]
    public void FusedConv2D_with_bias_and_activation_matches_tfjs(string activation)
    {
        var m = new TinyTfjsModel().Placeholder("x", 1, 8, 8, 4).RandomConst("w", [3, 3, 4, 6], amplitude: 3).RandomConst("b", [6]).RandomConst("alpha", [6]);
        m.Op("y", "_FusedConv2D", activation == "Prelu" ? ["x", "w", "b", "alpha"] : ["x", "w", "b"], ConvAttrs("SAME", 1, "BiasAdd", activation));
        OpHarness.Compare(m, [1, 8, 8, 4], "y").ShouldBeLessThan(Tolerance);
    }

    [Theory]
    [InlineData("float16")]
    [InlineData("uint8")]
    public void Quantized_weights_are_decoded_like_tfjs(string encoding)
    {
        var m = new TinyTfjsModel().Placeholder("x", 1, 6, 6, 3).RandomConst("w", [1, 1, 3, 4], encoding).RandomConst("b", [4], encoding)
            .Op("y", "_FusedConv2D", ["x", "w", "b"], ConvAttrs("VALID", 1, "BiasAdd"));
        OpHarness.Compare(m, [1, 6, 6, 3], "y").ShouldBeLessThan(Tolerance);
    }

    [Theory]
    [InlineData(1, 1, "SAME")]
    [InlineData(2, 2, "SAME")]
    [InlineData(1, 2, "VALID")]
    public void Depthwise_becomes_grouped_conv(int multiplier, int stride, string padding)
    {
        var m = new TinyTfjsModel().Placeholder("x", 1, 9, 9, 3).RandomConst("w", [3, 3, 3, multiplier])
            .Op("y", "DepthwiseConv2dNative", ["x", "w"], ConvAttrs(padding, stride));
        OpHarness.Compare(m, [1, 9, 9, 3], "y").ShouldBeLessThan(Tolerance);
    }

    [Fact]
    public void FusedDepthwise_with_bias_and_relu_matches_tfjs()
    {
        var m = new TinyTfjsModel().Placeholder("x", 1, 8, 8, 4).RandomConst("w", [5, 5, 4, 1]).RandomConst("b", [4])
            .Op("y", "FusedDepthwiseConv2dNative", ["x", "w", "b"], ConvAttrs("SAME", 2, "BiasAdd", "Relu"));
        OpHarness.Compare(m, [1, 8, 8, 4], "y").ShouldBeLessThan(Tolerance);
    }

    [Theory]
    [InlineData("MaxPool", "SAME")]
    [InlineData("MaxPool", "VALID")]
    [InlineData("AvgPool", "SAME")]
    public void Pooling_matches_tfjs(string op, string padding)
    {
        var m = new TinyTfjsModel().Placeholder("x", 1, 9, 9, 2)
            .Op("y", op, ["x"], new JsonObject { ["ksize"] = Ints(1, 3, 3, 1), ["strides"] = Ints(1, 2, 2, 1), ["padding"] = S(padding), ["data_format"] = S("NHWC") });
        OpHarness.Compare(m, [1, 9, 9, 2], "y").ShouldBeLessThan(Tolerance);
    }

    [Fact]
    public void Pad_then_valid_conv_keeps_the_pads_on_the_right_axes()
    {
        var m = new TinyTfjsModel().Placeholder("x", 1, 7, 6, 3).IntConst("p", [0, 0, 1, 2, 0, 1, 0, 0], 4, 2).RandomConst("w", [3, 3, 3, 2])
            .Op("padded", "Pad", ["x", "p"], new JsonObject { ["Tpaddings"] = new JsonObject { ["type"] = "DT_INT32" } })
            .Op("y", "Conv2D", ["padded", "w"], ConvAttrs("VALID", 2));
        OpHarness.Compare(m, [1, 7, 6, 3], "y", "padded").ShouldBeLessThan(Tolerance);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public void ResizeBilinear_matches_tfjs(bool halfPixel, bool alignCorners)
    {
        var m = new TinyTfjsModel().Placeholder("x", 1, 5, 4, 3).IntConst("size", [10, 8], 2)
            .Op("y", "ResizeBilinear", ["x", "size"], new JsonObject { ["half_pixel_centers"] = B(halfPixel), ["align_corners"] = B(alignCorners) });
        OpHarness.Compare(m, [1, 5, 4, 3], "y").ShouldBeLessThan(Tolerance);
    }

    [Fact]
    public void FusedBatchNorm_matches_tfjs()
    {
        var m = new TinyTfjsModel().Placeholder("x", 1, 4, 4, 3).RandomConst("scale", [3]).RandomConst("offset", [3]).RandomConst("mean", [3])
            .Const("var", [0.5f, 1f, 2f], [3])
            .Op("y", "FusedBatchNormV3", ["x", "scale", "offset", "mean", "var"], new JsonObject { ["epsilon"] = F(0.001f), ["data_format"] = S("NHWC") });
        OpHarness.Compare(m, [1, 4, 4, 3], "y").ShouldBeLessThan(Tolerance);
    }
}
