using System.Text.Json;
using FolderPrism.Vision.Models;

namespace FolderPrism.Vision.Converter.Install;

/// <summary>
/// <c>folderprism models install</c>: obtains the pinned TensorFlow.js packages (online via <c>npm pack</c>, with the
/// tarball's sha512 integrity checked; or offline from a folder), converts every catalog model to ONNX and stores
/// the files with SHA-256 checksums. The manifest is written last, so an interrupted install never looks complete.
/// Optional models (the alternative face_recognition embedder from @vladmandic/face-api) are skipped, with a note,
/// when an offline folder does not hold their package; a package that is there but fails its check is an error.
/// </summary>
public sealed class VisionModelInstaller
{
    public const string ConverterVersion = "2";

    private readonly ModelStore _store;
    private readonly IReadOnlyList<VisionModelSpec> _models;

    public VisionModelInstaller(ModelStore store, IReadOnlyList<VisionModelSpec>? models = null)
    {
        _store = store;
        _models = models ?? VisionModelCatalog.Installable;
    }

    /// <summary>Installs every model. <paramref name="fromDirectory"/> = null fetches from the npm registry; otherwise
    /// the folder may hold the npm tarballs, unpacked packages (or a node_modules tree), or another store's
    /// <c>models</c> folder (manifest + ONNX files, checksums verified).</summary>
    public async Task<ModelManifest> InstallAsync(string? fromDirectory, IProgress<string>? progress, CancellationToken ct)
    {
        Directory.CreateDirectory(_store.Directory);
        if (fromDirectory is not null)
        {
            if (!Directory.Exists(fromDirectory))
            {
                throw new ModelInstallException($"folder not found: {fromDirectory}");
            }

            if (File.Exists(Path.Combine(fromDirectory, ModelStore.ManifestFileName)))
            {
                return CopyStore(new ModelStore(fromDirectory), progress);
            }
        }

        var work = Path.Combine(_store.Directory, ".install-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var installed = new List<InstalledModel>();
            foreach (var group in _models.GroupBy(m => (m.Package, m.Version, m.Integrity)))
            {
                if (group.All(s => s.Optional) && fromDirectory is not null && !HasPackage(fromDirectory, group.Key.Package, group.Key.Version))
                {
                    progress?.Report($"skipping {string.Join(", ", group.Select(s => s.Id))}: {fromDirectory} holds no {group.Key.Package}@{group.Key.Version} (optional; Vision:Embedder = {Vision.Faces.FaceEmbedderNames.FaceRes} works without it)");
                    continue;
                }

                var (packageDir, integrity) = await ObtainPackageAsync(group.Key.Package, group.Key.Version, group.Key.Integrity, group.ToList(), fromDirectory, work, progress, ct);
                foreach (var spec in group)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report($"converting {spec.Id} ({spec.ModelJson})");
                    var target = Path.Combine(_store.Directory, spec.OnnxFileName);
                    var source = $"{spec.Package}@{spec.Version}/{spec.ModelJson}";
                    try
                    {
                        var input = Path.Combine(packageDir, spec.ModelJson);
                        if (spec.Format == VisionModelFormat.FaceApiRecognitionNet)
                        {
                            FaceApi.FaceRecognitionNetConverter.ConvertToFile(input, target, source);
                        }
                        else
                        {
                            TfjsToOnnxConverter.ConvertToFile(input, target, ConversionOptionsFor(spec, source));
                        }
                    }
                    catch (TfjsConversionException e)
                    {
                        throw new ModelInstallException($"converting {spec.Id} failed: {e.Message}", e);
                    }

                    installed.Add(new InstalledModel(spec.Id, spec.OnnxFileName, ModelStore.Sha256Of(target), new FileInfo(target).Length, source, integrity));
                }
            }

            var manifest = new ModelManifest(DateTimeOffset.UtcNow, ConverterVersion, installed);
            _store.WriteManifest(manifest);
            progress?.Report($"installed {installed.Count} models into {_store.Directory}");
            return manifest;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<(string PackageDir, string Integrity)> ObtainPackageAsync(
        string package, string version, string integrity, IReadOnlyList<VisionModelSpec> specs, string? fromDirectory, string work, IProgress<string>? progress, CancellationToken ct)
    {
        string? tarball = null;
        if (fromDirectory is null)
        {
            progress?.Report($"fetching {package}@{version} with npm pack");
            tarball = await NpmTarball.PackAsync(package, version, work, ct);
        }
        else
        {
            var candidate = Path.Combine(fromDirectory, NpmTarball.FileName(package, version));
            if (File.Exists(candidate))
            {
                tarball = candidate;
            }
            else if (FindUnpacked(fromDirectory, package, version) is { } unpacked)
            {
                progress?.Report($"using unpacked {package}@{version} from {unpacked} (no tarball, integrity not checkable)");
                return (unpacked, "unpacked");
            }
            else
            {
                throw new ModelInstallException($"{fromDirectory} holds neither {NpmTarball.FileName(package, version)}, an unpacked {package}@{version}, nor a models.json");
            }
        }

        NpmTarball.VerifyIntegrity(tarball, integrity);
        progress?.Report($"verified {Path.GetFileName(tarball)} ({integrity[..20]}…)");
        var dir = Path.Combine(work, Path.GetFileNameWithoutExtension(NpmTarball.FileName(package, version)));
        var prefixes = specs.Select(s => s.FilePrefix).ToList();
        await NpmTarball.ExtractAsync(tarball, dir, rel => prefixes.Any(p => rel.StartsWith(p, StringComparison.Ordinal)), ct);
        return (dir, integrity);
    }

    private static bool HasPackage(string dir, string package, string version) =>
        File.Exists(Path.Combine(dir, NpmTarball.FileName(package, version))) || FindUnpacked(dir, package, version) is not null;

    /// <summary>An unpacked package at DIR, DIR/package or DIR/node_modules/&lt;name&gt; with a matching package.json.</summary>
    private static string? FindUnpacked(string dir, string package, string version)
    {
        foreach (var candidate in new[] { dir, Path.Combine(dir, "package"), Path.Combine(dir, "node_modules", package) })
        {
            var pj = Path.Combine(candidate, "package.json");
            if (!File.Exists(pj))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(File.ReadAllBytes(pj));
            var root = doc.RootElement;
            if (root.TryGetProperty("name", out var n) && n.GetString() == package && root.TryGetProperty("version", out var v) && v.GetString() == version)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>How a catalog model is converted (shared with the parity tests, so they check what gets installed).</summary>
    public static ConversionOptions ConversionOptionsFor(VisionModelSpec spec, string description = "") =>
        new() { Outputs = spec.Outputs, DynamicSpatialInput = spec.DynamicInput, Description = description };

    private ModelManifest CopyStore(ModelStore source, IProgress<string>? progress)
    {
        var manifest = source.ReadManifest() ?? throw new ModelInstallException($"{source.ManifestPath} is not a valid models manifest");
        // Optional models are copied when the source has them (and then must be intact), skipped otherwise.
        var required = _models.Where(m => !m.Optional || manifest.Models.Any(i => i.Id == m.Id)).Select(m => m.Id).ToList();
        var missing = required.Where(id => manifest.Models.All(m => m.Id != id)).ToList();
        var bad = source.Verify(required);
        if (missing.Count > 0 || bad.Count > 0)
        {
            throw new ModelInstallException($"{source.Directory}: models missing or failing their checksum: {string.Join(", ", missing.Union(bad))}");
        }

        foreach (var model in manifest.Models.Where(m => required.Contains(m.Id)))
        {
            progress?.Report($"copying {model.Id}");
            AtomicFile.Write(Path.Combine(_store.Directory, model.File), File.ReadAllBytes(Path.Combine(source.Directory, model.File)));
        }

        var copied = manifest with { Models = manifest.Models.Where(m => required.Contains(m.Id)).ToList() };
        _store.WriteManifest(copied);
        if (_store.Verify(required).Count > 0)
        {
            throw new ModelInstallException("copied models failed their checksum");
        }

        return copied;
    }
}
