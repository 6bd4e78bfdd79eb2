using FolderPrism.Core.Configuration;
using FolderPrism.Vision.Converter.Install;
using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Models;
using FolderPrism.Vision.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Vision.Tests.Install;

/// <summary>The alternative embedder through <c>models install</c>, and what selecting it does with and without it.</summary>
public sealed class FaceRecognitionInstallTests(FaceRecognitionModelsFixture installed) : IClassFixture<FaceRecognitionModelsFixture>
{
    [Fact]
    public void Offline_install_from_a_node_modules_tree_rebuilds_face_recognition_with_a_checksum()
    {
        var entry = installed.Manifest.Models.Single(m => m.Id == VisionModelCatalog.FaceRecognition.Id);
        entry.Source.ShouldBe("@vladmandic/face-api@1.7.15/model/face_recognition_model-weights_manifest.json");
        installed.Store.Verify([entry.Id]).ShouldBeEmpty();
    }

    [Fact]
    public async Task Offline_install_with_only_human_models_skips_the_optional_embedder()
    {
        using var temp = new TempDir();
        var store = ModelStore.ForDataDirectory(temp.Path);
        var messages = new List<string>();
        var from = Path.Combine(RepoPaths.NodeModules, "@vladmandic", "human-models");
        var manifest = await new VisionModelInstaller(store, [VisionModelCatalog.FaceDetector, VisionModelCatalog.FaceRecognition])
            .InstallAsync(from, new SyncProgress(messages), CancellationToken.None);
        manifest.Models.Select(m => m.Id).ShouldBe(["face-detector"]);
        messages.ShouldContain(m => m.StartsWith("skipping face-recognition", StringComparison.Ordinal));
        ModelStore.ForDataDirectory(temp.Path, FaceEmbedderNames.FaceRecognition).Describe()
            .ShouldSatisfyAllConditions(
                d => d.ShouldStartWith("vision off"),
                d => d.ShouldContain("face-recognition"),
                d => d.ShouldContain("@vladmandic/face-api@1.7.15"));
    }

    [Fact]
    public async Task A_face_api_tarball_with_the_wrong_integrity_is_refused_not_skipped()
    {
        using var from = new TempDir();
        File.WriteAllBytes(from.File($"vladmandic-face-api-{VisionModelCatalog.FaceApiVersion}.tgz"), [0x1F, 0x8B, 0, 0]);
        using var target = new TempDir();
        var error = await Should.ThrowAsync<ModelInstallException>(() =>
            new VisionModelInstaller(ModelStore.ForDataDirectory(target.Path), [VisionModelCatalog.FaceRecognition]).InstallAsync(from.Path, null, CancellationToken.None));
        error.Message.ShouldContain("integrity mismatch");
    }

    [Fact]
    public async Task Copying_a_models_folder_takes_the_optional_embedder_along()
    {
        using var temp = new TempDir();
        var store = ModelStore.ForDataDirectory(temp.Path);
        var manifest = await new VisionModelInstaller(store, [VisionModelCatalog.FaceDetector, VisionModelCatalog.FaceRecognition])
            .InstallAsync(installed.Store.Directory, null, CancellationToken.None);
        manifest.Models.Select(m => m.Id).Order().ShouldBe(["face-detector", "face-recognition"]);
        store.Verify(["face-recognition"]).ShouldBeEmpty();
    }

    [Fact]
    public void Selecting_the_embedder_wires_it_and_its_distances_through_di()
    {
        using var sp = Provider(Path.GetDirectoryName(installed.Store.Directory)!, FaceEmbedderNames.FaceRecognition);
        sp.GetRequiredService<IFaceEmbedder>().ShouldBeOfType<FaceRecognitionEmbedder>();
        // Only the face detector and face_recognition are installed here: vision reports what is missing.
        sp.GetRequiredService<IPhotoVisionAnalyzer>().IsAvailable.ShouldBeFalse();
        var status = sp.GetRequiredService<ModelStore>().Describe();
        status.ShouldStartWith("vision off");
        status.ShouldNotContain("face-recognition");
        status.ShouldContain("object-detector");
        using var defaults = Provider(Path.GetDirectoryName(installed.Store.Directory)!, null);
        defaults.GetRequiredService<IFaceEmbedder>().ShouldBeOfType<FaceEmbedder>();
    }

    [Fact]
    public void An_unknown_embedder_turns_vision_off_with_a_clear_message()
    {
        using var sp = Provider(Path.GetDirectoryName(installed.Store.Directory)!, "dlib");
        sp.GetRequiredService<IPhotoVisionAnalyzer>().IsAvailable.ShouldBeFalse();
        sp.GetRequiredService<ModelStore>().Describe().ShouldBe("vision off: unknown Vision:Embedder 'dlib' (use faceres or face_recognition)");
    }

    private static ServiceProvider Provider(string dataDir, string? embedder)
    {
        var settings = new Dictionary<string, string?> { ["Data:Path"] = dataDir };
        if (embedder is not null)
        {
            settings["Vision:Embedder"] = embedder;
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.Configure<DataOptions>(config.GetSection(DataOptions.SectionName));
        services.AddFolderPrismVision(config);
        return services.BuildServiceProvider();
    }

    private sealed class SyncProgress(List<string> sink) : IProgress<string>
    {
        public void Report(string value) => sink.Add(value);
    }
}
