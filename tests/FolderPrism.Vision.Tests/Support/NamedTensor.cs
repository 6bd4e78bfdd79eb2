namespace FolderPrism.Vision.Tests.Support;

/// <summary>A float tensor with its shape, as fed to or read from a model.</summary>
internal sealed record NamedTensor(string Name, int[] Shape, float[] Data);
