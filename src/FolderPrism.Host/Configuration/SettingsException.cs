namespace FolderPrism.Host.Configuration;

/// <summary>
/// A configuration problem the user must fix. Its message is one line naming the setting;
/// the CLI prints it as-is (no stack trace) and exits with <see cref="ExitCodes.InvalidSettings"/>.
/// </summary>
public sealed class SettingsException(string message) : Exception(message);
