using System.Diagnostics;
using System.Text.Json;

namespace FolderPrism.Vision.Tests.Support;

/// <summary>Runs a tfjs graph model in Node with pure-JS @tensorflow/tfjs (scripts/vision/run-tfjs.js).</summary>
internal static class TfjsRunner
{
    public static Dictionary<string, NamedTensor> Run(string modelJson, IReadOnlyList<NamedTensor> inputs, IReadOnlyList<string> outputs)
    {
        _ = RepoPaths.NodeModules;
        using var temp = new TempDir();
        var inputSpecs = new Dictionary<string, object>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var file = temp.File($"in{i}.bin");
            var bytes = new byte[inputs[i].Data.Length * 4];
            Buffer.BlockCopy(inputs[i].Data, 0, bytes, 0, bytes.Length);
            File.WriteAllBytes(file, bytes);
            inputSpecs[inputs[i].Name] = new { shape = inputs[i].Shape, dtype = "float32", file };
        }

        var request = temp.File("request.json");
        var result = temp.File("result.json");
        File.WriteAllText(request, JsonSerializer.Serialize(new { model = Path.GetFullPath(modelJson), inputs = inputSpecs, outputs }));
        var psi = new ProcessStartInfo("node", [Path.Combine(RepoPaths.VisionScripts, "run-tfjs.js"), request, result])
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
            throw new InvalidOperationException($"tfjs run failed ({p.ExitCode}): {err[Math.Max(0, err.Length - 1500)..]}{stdout.Result}");
        }

        using var doc = JsonDocument.Parse(File.ReadAllBytes(result));
        var dict = new Dictionary<string, NamedTensor>(StringComparer.Ordinal);
        foreach (var prop in doc.RootElement.EnumerateObject())
        {
            var shape = prop.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var raw = Convert.FromBase64String(prop.Value.GetProperty("data").GetString()!);
            var data = new float[raw.Length / 4];
            Buffer.BlockCopy(raw, 0, data, 0, raw.Length);
            dict[prop.Name] = new NamedTensor(prop.Name, shape, data);
        }

        return dict;
    }
}
