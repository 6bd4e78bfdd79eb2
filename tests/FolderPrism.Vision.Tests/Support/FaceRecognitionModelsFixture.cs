using FolderPrism.Vision.Converter.Install;
using FolderPrism.Vision.Models;

namespace FolderPrism.Vision.Tests.Support;

/// <summary>
/// Installs the face detector and the face_recognition embedder offline from scripts/vision (whose node_modules
/// holds both packages unpacked) into a temp data dir: the alternative embedder's path through the installer.
/// </summary>
public sealed class FaceRecognitionModelsFixture : IDisposable
{
    private readonly TempDir _temp = new();

    public FaceRecognitionModelsFixture()
    {
        Store = ModelStore.ForDataDirectory(_temp.Path, Vision.Faces.FaceEmbedderNames.FaceRecognition);
        var models = new[] { VisionModelCatalog.FaceDetector, VisionModelCatalog.FaceRecognition };
        Manifest = new VisionModelInstaller(Store, models).InstallAsync(RepoPaths.VisionScripts, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    public ModelStore Store { get; }

    public ModelManifest Manifest { get; }

    public void Dispose() => _temp.Dispose();
}
