namespace FolderPrism.Core.Media;

/// <summary>A date read from a file name; date-only names (WhatsApp) have <see cref="HasTime"/> false and midnight.</summary>
public sealed record FileNameDate(DateTime Local, bool HasTime);
