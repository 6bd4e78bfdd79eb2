using System.CommandLine;

namespace FolderPrism.Host.Cli;

/// <summary><c>folderprism models</c>: the group holding <c>install</c> (vision models).</summary>
internal sealed class ModelsVerb : ICliVerb
{
    public string? Parent => null;

    public Command Build(CliContext context) => new("models", "Manage the vision models (faces, people, labels)");
}
