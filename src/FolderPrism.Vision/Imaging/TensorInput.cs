using System.Buffers;
using Microsoft.ML.OnnxRuntime;

namespace FolderPrism.Vision.Imaging;

/// <summary>
/// An NHWC float model input in a pooled buffer, wrapped as an <see cref="OrtValue"/> without copying. Vision runs
/// several models per photo on two threads; allocating each input (up to 3 MB for CenterNet) would land on the large
/// object heap and trigger blocking gen-2 collections that stall request threads, so the buffers are rented and
/// returned on dispose.
/// </summary>
internal sealed class TensorInput : IDisposable
{
    private float[]? _buffer;

    public TensorInput(int batch, int height, int width, int channels = 3)
    {
        Length = batch * height * width * channels;
        Shape = [batch, height, width, channels];
        _buffer = ArrayPool<float>.Shared.Rent(Length);
    }

    public int Length { get; }

    public long[] Shape { get; }

    public Span<float> Span => _buffer.AsSpan(0, Length);

    public Memory<float> Memory => _buffer.AsMemory(0, Length);

    /// <summary>A tensor view of the buffer; dispose it before this input.</summary>
    public OrtValue ToOrtValue() => OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, Memory, Shape);

    /// <summary>A tensor view of the first <paramref name="batch"/> entries of the buffer; dispose it before this input.</summary>
    public OrtValue ToOrtValue(int batch)
    {
        var shape = (long[])Shape.Clone();
        shape[0] = batch;
        return OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, Memory[..(Length / (int)Shape[0] * batch)], shape);
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<float>.Shared.Return(buffer);
        }
    }
}
