namespace FolderPrism.Host.Tests;

/// <summary>Finds the checkout (the folder holding FolderPrism.sln) from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FolderPrism.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FolderPrism.sln not found above " + AppContext.BaseDirectory);
    }
}
