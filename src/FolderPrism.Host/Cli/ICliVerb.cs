using System.CommandLine;

namespace FolderPrism.Host.Cli;

/// <summary>
/// One CLI verb, one file. <see cref="FolderPrismCli"/> discovers every implementation in this assembly, so
/// adding a verb (<c>index</c>, <c>import</c>, <c>faces</c>, <c>models</c>...) means adding one class.
/// </summary>
public interface ICliVerb
{
    /// <summary>Name of the parent verb (e.g. <c>users</c>), or null for a top-level verb.</summary>
    string? Parent { get; }

    /// <summary>Creates the command; its action should run through <see cref="CliSession.RunAsync"/>.</summary>
    Command Build(CliContext context);
}
