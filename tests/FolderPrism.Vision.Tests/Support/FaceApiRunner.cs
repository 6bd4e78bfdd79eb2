namespace FolderPrism.Vision.Tests.Support;

/// <summary>Runs face-api's own FaceRecognitionNet in Node on pure-JS tfjs (scripts/vision/run-faceapi.js).</summary>
internal static class FaceApiRunner
{
    /// <summary>One [1,128]-shaped descriptor per input ([1,150,150,3] RGB 0..255).</summary>
    public static List<NamedTensor> Run(string manifest, IReadOnlyList<NamedTensor> inputs)
    {
        _ = RepoPaths.NodeModules;
        using var temp = new TempDir();
        var specs = inputs.Select((input, i) => (object)new { shape = input.Shape, file = NodeScript.WriteFloats(temp, $"in{i}.bin", input.Data) }).ToList();
        using var doc = NodeScript.Run(temp, "run-faceapi.js", new { manifest = Path.GetFullPath(manifest), inputs = specs });
        return doc.RootElement.EnumerateArray().Select((e, i) => NodeScript.ReadTensor($"descriptor{i}", e)).ToList();
    }

    public static string FaceApiModels => Path.Combine(RepoPaths.NodeModules, "@vladmandic", "face-api", "model");

    public static string RecognitionManifest => Path.Combine(FaceApiModels, "face_recognition_model-weights_manifest.json");
}
