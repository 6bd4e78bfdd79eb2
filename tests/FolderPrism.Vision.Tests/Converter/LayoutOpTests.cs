using System.Text.Json.Nodes;
using FolderPrism.Vision.Tests.Support;
using static FolderPrism.Vision.Tests.Support.TinyTfjsModel;

namespace FolderPrism.Vision.Tests.Converter;

/// <summary>Ops whose meaning depends on layout: each runs after a conv so its input is NCHW inside the ONNX graph.</summary>
public sealed class LayoutOpTests
{
    private const double Tolerance = 1e-4;

    private static TinyTfjsModel AfterConv(int channels = 8)
    {
        return new TinyTfjsModel().Placeholder("x", 1, 6, 6, 3).RandomConst("w", [1, 1, 3, channels])
            .Op("c", "Conv2D", ["x", "w"], new JsonObject { ["strides"] = Ints(1, 1, 1, 1), ["dilations"] = Ints(1, 1, 1, 1), ["padding"] = S("VALID"), ["data_format"] = S("NHWC") });
    }

    [Fact]
    public void DepthToSpace_then_dynamic_reshape_and_concat_like_the_face_detector()
    {
        var m = AfterConv(8)
            .Op("d2s", "DepthToSpace", ["c"], new JsonObject { ["block_size"] = I(2), ["data_format"] = S("NHWC") })
            .Op("shape", "Shape", ["d2s"], new JsonObject { ["out_type"] = new JsonObject { ["type"] = "DT_INT32" } })
            .IntConst("s0", [0], 1).IntConst("s1", [1], 1).IntConst("s2", [1], 1)
            .Op("batch", "StridedSlice", ["shape", "s0", "s1", "s2"], new JsonObject { ["shrink_axis_mask"] = I(1), ["T"] = new JsonObject { ["type"] = "DT_INT32" } })
            .IntConst("n1", [-1], []).IntConst("n2", [2], [])
            .Op("target", "Pack", ["batch", "n1", "n2"], new JsonObject { ["axis"] = I(0), ["N"] = I(3), ["T"] = new JsonObject { ["type"] = "DT_INT32" } })
            .Op("r", "Reshape", ["d2s", "target"])
            .IntConst("axis", [2], [])
            .Op("y", "ConcatV2", ["r", "r", "axis"]);
        OpHarness.Compare(m, [1, 6, 6, 3], "y", "d2s").ShouldBeLessThan(Tolerance);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData(2)]
    public void Concat_axes_are_mapped_to_nchw(int axis)
    {
        var m = AfterConv().IntConst("axis", [axis], []).Op("y", "ConcatV2", ["c", "c", "axis"]);
        OpHarness.Compare(m, [1, 6, 6, 3], "y").ShouldBeLessThan(Tolerance);
    }

    [Fact]
    public void Squeeze_excite_mean_keepdims_broadcasts_back()
    {
        var m = AfterConv().IntConst("axes", [1, 2], 2)
            .Op("se", "Mean", ["c", "axes"], new JsonObject { ["keep_dims"] = B(true) })
            .Op("y", "Mul", ["c", "se"]);
        OpHarness.Compare(m, [1, 6, 6, 3], "y").ShouldBeLessThan(Tolerance);
    }

    [Fact]
    public void Global_pool_then_fused_matmul_and_softmax_like_the_embedder()
    {
        var m = AfterConv().IntConst("axes", [1, 2], 2)
            .Op("pool", "Mean", ["c", "axes"], new JsonObject { ["keep_dims"] = B(false) })
            .RandomConst("k", [8, 5]).RandomConst("b", [5])
            .Op("fc", "_FusedMatMul", ["pool", "k", "b"], new JsonObject { ["fused_ops"] = Strings("BiasAdd", "Relu"), ["num_args"] = I(1), ["transpose_a"] = B(false), ["transpose_b"] = B(false) })
            .Op("y", "Softmax", ["fc"]);
        OpHarness.Compare(m, [1, 6, 6, 3], "y", "pool").ShouldBeLessThan(Tolerance);
    }

    [Fact]
    public void Mean_over_width_only_keeps_tf_axis_order()
    {
        var m = AfterConv().IntConst("axes", [2], 1).Op("y", "Mean", ["c", "axes"], new JsonObject { ["keep_dims"] = B(false) });
        OpHarness.Compare(m, [1, 6, 6, 3], "y").ShouldBeLessThan(Tolerance);
    }

    [Fact]
    public void Per_channel_and_scalar_constants_broadcast_in_nchw()
    {
        var m = AfterConv(4).RandomConst("perChannel", [4]).RandomConst("scalar", []).RandomConst("full", [1, 6, 6, 4]).RandomConst("row", [6, 4])
            .Op("a", "BiasAdd", ["c", "perChannel"])
            .Op("b", "Mul", ["a", "scalar"])
            .Op("d", "Sub", ["full", "b"])
            .Op("e", "Minimum", ["d", "row"])
            .Op("f", "Maximum", ["e", "scalar"])
            .Op("y", "Relu6", ["f"]);
        OpHarness.Compare(m, [1, 6, 6, 3], "y").ShouldBeLessThan(Tolerance);
    }

    /// <summary>Checked against values computed here: tfjs 4.22's CPU stridedSlice picks the wrong axis for a
    /// shrink on the last axis combined with begin/end masks (it returns x[0,1,0,0..] instead of x[0,1,w,2]).</summary>
    [Fact]
    public void StridedSlice_with_masks_and_shrink_follows_tensorflow_semantics()
    {
        var identity = new float[9];
        identity[0] = identity[4] = identity[8] = 1;
        var m = new TinyTfjsModel().Placeholder("x", 1, 6, 6, 3).Const("w", identity, [1, 1, 3, 3])
            .Op("c", "Conv2D", ["x", "w"], new JsonObject { ["strides"] = Ints(1, 1, 1, 1), ["dilations"] = Ints(1, 1, 1, 1), ["padding"] = S("VALID"), ["data_format"] = S("NHWC") })
            .IntConst("b", [0, 1, 0, 2], 4).IntConst("e", [0, 5, 0, 3], 4).IntConst("s", [1, 2, 1, 1], 4)
            .Op("y", "StridedSlice", ["c", "b", "e", "s"], new JsonObject { ["begin_mask"] = I(5), ["end_mask"] = I(5), ["shrink_axis_mask"] = I(8) });
        var x = Enumerable.Range(0, 108).Select(i => (float)i).ToArray();
        var y = OpHarness.RunOnnx(m, new NamedTensor("x", [1, 6, 6, 3], x), "y")["y"];
        y.Shape.ShouldBe([1, 2, 6]);
        var expected = new List<float>();
        foreach (var h in new[] { 1, 3 })
        {
            for (var w = 0; w < 6; w++)
            {
                expected.Add(x[(((h * 6) + w) * 3) + 2]);
            }
        }

        y.Data.ShouldBe(expected.ToArray());
    }

    [Fact]
    public void Static_reshape_squeeze_expand_and_transpose_see_tf_order()
    {
        var m = AfterConv().IntConst("shape", [1, 36, 8], 3)
            .Op("r", "Reshape", ["c", "shape"])
            .Op("sq", "Squeeze", ["r"], new JsonObject { ["squeeze_dims"] = Ints(0) })
            .IntConst("perm", [1, 0], 2)
            .Op("t", "Transpose", ["sq", "perm"])
            .IntConst("dim", [0], [])
            .Op("y", "ExpandDims", ["t", "dim"]);
        OpHarness.Compare(m, [1, 6, 6, 3], "y").ShouldBeLessThan(Tolerance);
    }

    [Fact]
    public void Sigmoid_tanh_and_elementwise_nchw_tensors_match()
    {
        var m = AfterConv().Op("s", "Sigmoid", ["c"]).Op("t", "Tanh", ["c"]).Op("y", "AddV2", ["s", "t"]);
        OpHarness.Compare(m, [1, 6, 6, 3], "y").ShouldBeLessThan(Tolerance);
    }
}
