namespace FolderPrism.Core.Media;

/// <summary>The file's pixels cannot be decoded safely: corrupt, truncated, too large, or too slow.</summary>
public sealed class MediaDecodeException(string message, Exception? inner = null) : Exception(message, inner);
