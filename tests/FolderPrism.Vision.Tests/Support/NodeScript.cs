using System.Diagnostics;
using System.Text.Json;

namespace FolderPrism.Vision.Tests.Support;

/// <summary>
/// The Node side of the parity tests: float tensors go to a script as raw little-endian files, the script writes its
/// outputs as base64 float32 with their shapes. One protocol for every reference runner (tfjs graph, face-api).
/// </summary>
internal static class NodeScript
{
    /// <summary>Writes a tensor's floats to a file in <paramref name="temp"/> and returns the file path.</summary>
    public static string WriteFloats(TempDir temp, string name, float[] data)
    {
        var file = temp.File(name);
        var bytes = new byte[data.Length * 4];
        Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    /// <summary>Runs scripts/vision/<paramref name="script"/> with a JSON request and returns its JSON result.</summary>
    public static JsonDocument Run(TempDir temp, string script, object request)
    {
        var requestFile = temp.File("request.json");
        var resultFile = temp.File("result.json");
        File.WriteAllText(requestFile, JsonSerializer.Serialize(request));
        var psi = new ProcessStartInfo("node", [Path.Combine(RepoPaths.VisionScripts, script), requestFile, resultFile])
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
            throw new InvalidOperationException($"{script} failed ({p.ExitCode}): {err[Math.Max(0, err.Length - 1500)..]}{stdout.Result}");
        }

        return JsonDocument.Parse(File.ReadAllBytes(resultFile));
    }

    /// <summary>Reads one <c>{shape, data}</c> output of a script as a tensor.</summary>
    public static NamedTensor ReadTensor(string name, JsonElement element)
    {
        var shape = element.GetProperty("shape").EnumerateArray().Select(x => x.GetInt32()).ToArray();
        var raw = Convert.FromBase64String(element.GetProperty("data").GetString()!);
        var data = new float[raw.Length / 4];
        Buffer.BlockCopy(raw, 0, data, 0, raw.Length);
        return new NamedTensor(name, shape, data);
    }
}
