using FolderPrism.Vision.Converter.Install;
using FolderPrism.Vision.Models;

namespace FolderPrism.Vision.Tests.Support;

/// <summary>Installs every catalog model once (offline, from the unpacked npm package) into a temp data dir.</summary>
public sealed class InstalledModelsFixture : IDisposable
{
    private readonly TempDir _temp = new();

    public InstalledModelsFixture()
    {
        Store = ModelStore.ForDataDirectory(_temp.Path);
        var from = Path.Combine(RepoPaths.NodeModules, "@vladmandic", "human-models");
        Manifest = new VisionModelInstaller(Store).InstallAsync(from, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    public ModelStore Store { get; }

    public ModelManifest Manifest { get; }

    public void Dispose() => _temp.Dispose();
}
