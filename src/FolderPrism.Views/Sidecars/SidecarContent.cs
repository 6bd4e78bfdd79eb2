namespace FolderPrism.Views.Sidecars;

/// <summary>
/// What FolderPrism owns in a sidecar. <see cref="Subjects"/> are top-level tags (dc:subject), <see cref="Hierarchical"/>
/// the nested ones as <c>a|b|c</c> (lr:hierarchicalSubject): the indexer maps each dc:subject entry to a top-level tag,
/// so leaf names of nested tags are deliberately not repeated there (that would create duplicate top-level tags).
/// </summary>
internal sealed record SidecarContent(
    IReadOnlyList<string> Subjects,
    IReadOnlyList<string> Hierarchical,
    IReadOnlyList<SidecarRegion> Regions,
    IReadOnlyList<string> People,
    IReadOnlyList<string> Albums,
    int? Width,
    int? Height);
