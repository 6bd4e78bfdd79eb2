using System.CommandLine;

namespace FolderPrism.Host.Cli;

/// <summary>
/// What every verb shares: the console and the global options <c>--library</c>, <c>--data</c>, <c>--config</c>
/// (recursive, so they are accepted after any verb).
/// </summary>
public sealed class CliContext(CliConsole console)
{
    public CliConsole Console { get; } = console;

    public Option<string?> Library { get; } = new("--library")
    {
        Description = "Library root holding Originals/ and Import/ (created if missing) [Library:Path]",
        Recursive = true,
    };

    public Option<string?> Data { get; } = new("--data")
    {
        Description = "Folder for the database, thumbnails and logs [Data:Path]",
        Recursive = true,
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "Extra JSON configuration file layered over appsettings.json",
        Recursive = true,
    };

    /// <summary>The settings a verb runs with: global options plus any verb-specific URL override.</summary>
    public ServeSettings SettingsFrom(ParseResult result, string? urls = null) => new()
    {
        LibraryPath = result.GetValue(Library),
        DataPath = result.GetValue(Data),
        ConfigFile = result.GetValue(Config),
        Urls = urls,
        Console = Console.Out,
    };
}
