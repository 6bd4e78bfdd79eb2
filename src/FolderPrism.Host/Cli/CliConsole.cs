namespace FolderPrism.Host.Cli;

/// <summary>The streams a CLI run reads and writes; tests pass string readers/writers to run verbs in-process.</summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    public static CliConsole System => new(Console.In, Console.Out, Console.Error);
}
