namespace FolderPrism.Vision.Converter.Install;

/// <summary>Models could not be installed (download failed, integrity mismatch, bad offline folder).</summary>
public sealed class ModelInstallException : Exception
{
    public ModelInstallException(string message)
        : base(message)
    {
    }

    public ModelInstallException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
