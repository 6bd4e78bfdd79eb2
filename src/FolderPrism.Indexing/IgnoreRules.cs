using System.Collections.Frozen;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.Options;

namespace FolderPrism.Indexing;

/// <summary>
/// Decides which paths under <c>Originals/</c> are never items: hidden and system files (any name starting with '.',
/// which also covers in-flight WebDAV upload temp files, <c>Thumbs.db</c>, <c>desktop.ini</c>, NAS folders such as
/// <c>@eaDir</c>) and the configured glob patterns. Sidecars are not items either, but their changes matter.
/// </summary>
public sealed class IgnoreRules
{
    private static readonly FrozenSet<string> SystemNames = new[]
    {
        "Thumbs.db", "ehthumbs.db", "desktop.ini", "@eaDir", "#recycle", "$RECYCLE.BIN", "System Volume Information",
        "lost+found", "Icon\r",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> SidecarExtensions =
        new[] { ".xmp", ".json" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private readonly Matcher? _matcher;

    public IgnoreRules(IOptions<IndexingOptions> options)
    {
        var patterns = options.Value.IgnorePatterns.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (patterns.Count > 0)
        {
            _matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
            _matcher.AddIncludePatterns(patterns);
        }
    }

    /// <summary>True when the name alone makes a file or folder invisible to the index.</summary>
    public static bool IsIgnoredName(string name) => name.Length == 0 || name[0] == '.' || SystemNames.Contains(name);

    public static bool IsSidecar(string relativePath) => SidecarExtensions.Contains(Path.GetExtension(relativePath));

    /// <summary>True when any segment of the path is ignored by name, or a configured pattern matches.</summary>
    public bool IsIgnored(string relativePath)
    {
        foreach (var segment in relativePath.Split('/'))
        {
            if (IsIgnoredName(segment))
            {
                return true;
            }
        }

        return _matcher is not null && _matcher.Match(relativePath).HasMatches;
    }

    /// <summary>A path that should become (or stay) an item: not ignored and not a sidecar.</summary>
    public bool IsCandidate(string relativePath) => !IsIgnored(relativePath) && !IsSidecar(relativePath);
}
