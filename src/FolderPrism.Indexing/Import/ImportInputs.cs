using System.Formats.Tar;
using System.IO.Compression;
using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// Turns the paths given to import into companion groups: walks directories (skipping hidden and system files),
/// extracts <c>.zip</c>/<c>.tgz</c>/<c>.tar.gz</c>/<c>.tar</c> archives into a staging folder in the data dir, keeps
/// Takeout JSON out of the inputs (the analyzer reads it next to its photo) and groups files by folder and base name.
/// </summary>
internal sealed class ImportInputs : IDisposable
{
    private static readonly string[] SystemNames = ["Thumbs.db", "desktop.ini", "@eaDir", ".DS_Store"];
    private readonly List<string> staging = [];

    private ImportInputs()
    {
    }

    public List<CompanionGroup> Groups { get; } = [];

    /// <summary>Inputs that are not files we can read at all (missing paths, broken archives).</summary>
    public List<(string Label, string Message)> Unreadable { get; } = [];

    /// <summary>Archives that were read (for the Import/ folder to move away once done).</summary>
    public List<string> Archives { get; } = [];

    public static ImportInputs Collect(ImportRequest request, string stagingRoot, CancellationToken cancellationToken)
    {
        var inputs = new ImportInputs();
        var files = new List<ImportFile>();
        foreach (var given in request.Paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var full = Path.GetFullPath(given);
            if (Directory.Exists(full))
            {
                Walk(full, given, fromArchive: false, request.SkipDirectories, files);
            }
            else if (File.Exists(full) && IsArchive(full))
            {
                inputs.Extract(full, given, stagingRoot, request.SkipDirectories, files, cancellationToken);
            }
            else if (File.Exists(full))
            {
                files.Add(new ImportFile(full, given, false));
            }
            else
            {
                inputs.Unreadable.Add((given, "No such file or directory."));
            }
        }

        inputs.Groups.AddRange(Group(files));
        return inputs;
    }

    public static bool IsArchive(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return name.EndsWith(".zip", StringComparison.Ordinal) || name.EndsWith(".tgz", StringComparison.Ordinal) ||
               name.EndsWith(".tar.gz", StringComparison.Ordinal) || name.EndsWith(".tar", StringComparison.Ordinal);
    }

    public static bool IsSkippedName(string name) =>
        name.Length == 0 || name[0] == '.' || SystemNames.Contains(name, StringComparer.OrdinalIgnoreCase);

    public void Dispose()
    {
        foreach (var dir in staging)
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // best effort; the next run's staging cleanup removes it
            }
        }
    }

    private static void Walk(string root, string label, bool fromArchive, IReadOnlySet<string> skip, List<ImportFile> files)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir, "*", options).OrderDescending(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(sub);
                if (!IsSkippedName(name) && !skip.Contains(name))
                {
                    pending.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*", options).Order(StringComparer.Ordinal))
            {
                if (!IsSkippedName(Path.GetFileName(file)))
                {
                    files.Add(new ImportFile(file, JoinLabel(label, Path.GetRelativePath(root, file)), fromArchive));
                }
            }
        }
    }

    private static string JoinLabel(string label, string relative) =>
        label.EndsWith('!') ? label + "/" + relative.Replace('\\', '/') : Path.Combine(label, relative);

    private static IEnumerable<CompanionGroup> Group(List<ImportFile> files)
    {
        foreach (var byFolder in files.Where(f => !IsTakeoutJson(f)).GroupBy(f => Path.GetDirectoryName(f.FullPath)!, StringComparer.Ordinal))
        {
            foreach (var byStem in byFolder.GroupBy(f => StemOf(f.Name), StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var media = byStem.Where(f => !f.IsXmp).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
                var xmp = byStem.Where(f => f.IsXmp).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
                yield return new CompanionGroup(byFolder.Key, byStem.Key, media, xmp);
            }
        }
    }

    /// <summary>Base name shared by companions: <c>IMG_1</c> for <c>IMG_1.CR2</c>, <c>IMG_1.jpg</c>, <c>IMG_1.jpg.xmp</c>.</summary>
    internal static string StemOf(string name)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        if (Path.GetExtension(name).Equals(".xmp", StringComparison.OrdinalIgnoreCase) && MediaTypes.GetKind(stem) != MediaKind.Unknown)
        {
            stem = Path.GetFileNameWithoutExtension(stem);
        }

        return stem;
    }

    private static bool IsTakeoutJson(ImportFile file) =>
        Path.GetExtension(file.Name).Equals(".json", StringComparison.OrdinalIgnoreCase);

    private void Extract(string archive, string label, string stagingRoot, IReadOnlySet<string> skip, List<ImportFile> files, CancellationToken cancellationToken)
    {
        var target = Path.Combine(stagingRoot, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        staging.Add(target);
        try
        {
            var lower = archive.ToLowerInvariant();
            if (lower.EndsWith(".zip", StringComparison.Ordinal))
            {
                ZipFile.ExtractToDirectory(archive, target, overwriteFiles: false);
            }
            else
            {
                using var stream = File.OpenRead(archive);
                using var tar = lower.EndsWith(".tar", StringComparison.Ordinal) ? (Stream)stream : new GZipStream(stream, CompressionMode.Decompress);
                TarFile.ExtractToDirectory(tar, target, overwriteFiles: false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            Archives.Add(archive);
            Walk(target, label + "!", fromArchive: true, skip, files);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or FormatException)
        {
            Unreadable.Add((label, $"Unreadable archive: {e.Message}"));
        }
    }
}
