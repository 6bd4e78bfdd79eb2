using System.Diagnostics;
using System.Text.Json;

namespace FolderPrism.Vision.Tests.Support;

/// <summary>Runs face-api's own FaceRecognitionNet in Node on pure-JS tfjs (scripts/vision/run-faceapi.js).</summary>
internal static class FaceApiRunner
{
    /// <summary>One [1,128]-shaped descriptor per input ([1,150,150,3] RGB 0..255).</summary>
    public static List<NamedTensor> Run(string manifest, IReadOnlyList<NamedTensor> inputs)
    {
        _ = RepoPaths.NodeModules;
        using var temp = new TempDir();
        var specs = new List<object>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var file = temp.File($"in{i}.bin");
            var bytes = new byte[inputs[i].Data.Length * 4];
            Buffer.BlockCopy(inputs[i].Data, 0, bytes, 0, bytes.Length);
            File.WriteAllBytes(file, bytes);
            specs.Add(new { shape = inputs[i].Shape, file });
        }

        var request = temp.File("request.json");
        var result = temp.File("result.json");
        File.WriteAllText(request, JsonSerializer.Serialize(new { manifest = Path.GetFullPath(manifest), inputs = specs }));
        var psi = new ProcessStartInfo("node", [Path.Combine(RepoPaths.VisionScripts, "run-faceapi.js"), request, result])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = RepoPaths.VisionScripts,
        };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            var err = stderr.Result;
            throw new InvalidOperationException($"face-api run failed ({p.ExitCode}): {err[Math.Max(0, err.Length - 1500)..]}{stdout.Result}");
        }

        using var doc = JsonDocument.Parse(File.ReadAllBytes(result));
        return doc.RootElement.EnumerateArray().Select((e, i) =>
        {
            var shape = e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt32()).ToArray();
            var raw = Convert.FromBase64String(e.GetProperty("data").GetString()!);
            var data = new float[raw.Length / 4];
            Buffer.BlockCopy(raw, 0, data, 0, raw.Length);
            return new NamedTensor($"descriptor{i}", shape, data);
        }).ToList();
    }

    public static string FaceApiModels => Path.Combine(RepoPaths.NodeModules, "@vladmandic", "face-api", "model");

    public static string RecognitionManifest => Path.Combine(FaceApiModels, "face_recognition_model-weights_manifest.json");
}
