using System.CommandLine;

namespace FolderPrism.Host.Cli;

/// <summary><c>folderprism faces</c>: the group holding <c>run</c> and <c>list</c>.</summary>
internal sealed class FacesVerb : ICliVerb
{
    public string? Parent => null;

    public Command Build(CliContext context) => new("faces", "Detect faces and group them into people");
}
