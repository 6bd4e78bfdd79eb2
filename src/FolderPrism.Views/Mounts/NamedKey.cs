namespace FolderPrism.Views.Mounts;

/// <summary>A named thing of a <see cref="NamedMount"/>: its stable key (e.g. a zero-padded id) and display name.</summary>
internal sealed record NamedKey(string Key, string Name);
