namespace FolderPrism.Vision.Tests.Support;

/// <summary>Locates the repository and the node tooling the tests drive (installed by <c>make vision-deps</c>).</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FolderPrism.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("repository root (FolderPrism.sln) not found");
        }
    }

    public static string VisionScripts => Path.Combine(Root, "scripts", "vision");

    public static string NodeModules
    {
        get
        {
            var path = Path.Combine(VisionScripts, "node_modules");
            if (!Directory.Exists(Path.Combine(path, "@tensorflow", "tfjs")))
            {
                throw new InvalidOperationException($"{path} is not installed: run `make vision-deps` (npm ci in scripts/vision)");
            }

            return path;
        }
    }

    public static string HumanModels => Path.Combine(NodeModules, "@vladmandic", "human-models", "models");
}
