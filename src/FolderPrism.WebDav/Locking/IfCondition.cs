namespace FolderPrism.WebDav.Locking;

/// <summary>One condition of an <c>If</c> list: a state token or an entity tag, possibly negated.</summary>
public sealed record IfCondition(bool Not, string? StateToken, string? ETag);
