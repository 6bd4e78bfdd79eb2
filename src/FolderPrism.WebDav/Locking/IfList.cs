namespace FolderPrism.WebDav.Locking;

/// <summary>One parenthesised list of an <c>If</c> header, optionally tagged with the resource it applies to.</summary>
public sealed record IfList(string? ResourceTag, IReadOnlyList<IfCondition> Conditions);
