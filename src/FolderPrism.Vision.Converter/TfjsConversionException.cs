namespace FolderPrism.Vision.Converter;

/// <summary>A TensorFlow.js model could not be read or converted (unsupported op, bad weights, malformed JSON).</summary>
public sealed class TfjsConversionException : Exception
{
    public TfjsConversionException(string message)
        : base(message)
    {
    }

    public TfjsConversionException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
