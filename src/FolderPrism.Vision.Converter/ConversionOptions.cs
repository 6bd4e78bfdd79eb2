namespace FolderPrism.Vision.Converter;

/// <summary>
/// How to convert one tfjs graph model. <see cref="Outputs"/> cuts the graph: only what those tensors need is
/// converted (centernet is cut before its in-graph TopK, whose decoding FolderPrism does in C#).
/// </summary>
public sealed record ConversionOptions
{
    /// <summary>TF tensor names ("node" or "node:1") to expose as ONNX outputs; null = the model's signature outputs,
    /// or every unconsumed non-constant node when it has no signature.</summary>
    public IReadOnlyList<string>? Outputs { get; init; }

    /// <summary>
    /// Give the single NHWC image input a dynamic height and width (instead of the fixed size in <c>model.json</c>), so
    /// one converted model runs at any input size the caller picks (e.g. CenterNet at 384 instead of 512 px: about half
    /// the CPU). Resizes to constant sizes (Keras upsampling folded into constants) are rewritten to scale with the
    /// input: size × input / original input. Only for fully convolutional graphs; the original size still gives the
    /// original model's results.
    /// </summary>
    public bool DynamicSpatialInput { get; init; }

    /// <summary>Free text stored in the ONNX model's doc string (e.g. source package and version).</summary>
    public string Description { get; init; } = string.Empty;
}
