using System.Globalization;

namespace FolderPrism.WebDav.Store;

/// <summary>Default ETag: size and modification time (100 ns ticks), from the stat the listing already did.</summary>
public sealed class FileStatEntityTagProvider : IEntityTagProvider
{
    public string GetETag(FileInfo file) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}\"");
}
