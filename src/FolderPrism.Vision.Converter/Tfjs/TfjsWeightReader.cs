using System.Buffers.Binary;
using System.Text.Json;

namespace FolderPrism.Vision.Converter.Tfjs;

/// <summary>
/// Decodes a tfjs <c>weightsManifest</c>: each group's shard files are concatenated in order and its weights read
/// sequentially as float32, int32, float16, or uint8/uint16 affine-quantized (value = min + q × scale).
/// </summary>
internal static class TfjsWeightReader
{
    public static Dictionary<string, TensorData> Read(JsonElement manifest, string directory)
    {
        var result = new Dictionary<string, TensorData>(StringComparer.Ordinal);
        foreach (var group in manifest.EnumerateArray())
        {
            var bytes = ReadShards(group, directory);
            var offset = 0;
            foreach (var w in group.GetProperty("weights").EnumerateArray())
            {
                var name = w.GetProperty("name").GetString()!;
                var shape = w.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
                var dtype = w.GetProperty("dtype").GetString()!;
                var count = checked((int)shape.Aggregate(1L, (a, b) => a * b));
                var tensor = w.TryGetProperty("quantization", out var q)
                    ? ReadQuantized(bytes, ref offset, count, shape, dtype, q, name)
                    : ReadPlain(bytes, ref offset, count, shape, dtype, name);
                result[name] = tensor;
            }
        }

        return result;
    }

    private static byte[] ReadShards(JsonElement group, string directory)
    {
        using var all = new MemoryStream();
        foreach (var p in group.GetProperty("paths").EnumerateArray())
        {
            var rel = p.GetString()!;
            var full = Path.GetFullPath(Path.Combine(directory, rel));
            if (!full.StartsWith(directory, StringComparison.Ordinal) || !File.Exists(full))
            {
                throw new TfjsConversionException($"weight shard '{rel}' is missing next to the model in {directory}");
            }

            using var f = File.OpenRead(full);
            f.CopyTo(all);
        }

        return all.ToArray();
    }

    private static TensorData ReadPlain(byte[] bytes, ref int offset, int count, long[] shape, string dtype, string name)
    {
        Need(bytes, offset, count * 4, name);
        var span = bytes.AsSpan(offset, count * 4);
        offset += count * 4;
        switch (dtype)
        {
            case "float32":
                var f = new float[count];
                for (var i = 0; i < count; i++)
                {
                    f[i] = BinaryPrimitives.ReadSingleLittleEndian(span[(i * 4)..]);
                }

                return new TensorData(shape, f);
            case "int32":
                var n = new int[count];
                for (var i = 0; i < count; i++)
                {
                    n[i] = BinaryPrimitives.ReadInt32LittleEndian(span[(i * 4)..]);
                }

                return new TensorData(shape, n);
            default:
                throw new TfjsConversionException($"weight '{name}' has unsupported dtype '{dtype}'");
        }
    }

    private static TensorData ReadQuantized(byte[] bytes, ref int offset, int count, long[] shape, string dtype, JsonElement q, string name)
    {
        var qtype = q.GetProperty("dtype").GetString();
        var values = new float[count];
        switch (qtype)
        {
            case "float16":
                Need(bytes, offset, count * 2, name);
                for (var i = 0; i < count; i++)
                {
                    values[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan(offset + (i * 2)));
                }

                offset += count * 2;
                break;
            case "uint8":
            case "uint16":
                var scale = q.GetProperty("scale").GetSingle();
                var min = q.GetProperty("min").GetSingle();
                var width = qtype == "uint8" ? 1 : 2;
                Need(bytes, offset, count * width, name);
                for (var i = 0; i < count; i++)
                {
                    int raw = width == 1 ? bytes[offset + i] : BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + (i * 2)));
                    values[i] = min + (raw * scale);
                }

                offset += count * width;
                break;
            default:
                throw new TfjsConversionException($"weight '{name}' has unsupported quantization '{qtype}'");
        }

        return dtype == "int32"
            ? new TensorData(shape, values.Select(v => (int)MathF.Round(v)).ToArray())
            : new TensorData(shape, values);
    }

    private static void Need(byte[] bytes, int offset, int length, string name)
    {
        if (offset + length > bytes.Length)
        {
            throw new TfjsConversionException($"weight shards end before weight '{name}' (need {offset + length} bytes, have {bytes.Length})");
        }
    }
}
