using System.CommandLine;

namespace FolderPrism.Host.Cli;

/// <summary><c>folderprism users</c>: the group holding add, list, remove and passwd.</summary>
internal sealed class UsersVerb : ICliVerb
{
    public string? Parent => null;

    public Command Build(CliContext context) => new("users", "Manage the accounts that may log in");
}
