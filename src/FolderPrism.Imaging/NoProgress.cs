namespace FolderPrism.Imaging;

/// <summary>Progress sink for <c>Image.SetProgress</c>, used only for its cancellation (the decode time limit).</summary>
internal sealed class NoProgress : IProgress<int>
{
    public static readonly NoProgress Instance = new();

    public void Report(int value)
    {
    }
}
