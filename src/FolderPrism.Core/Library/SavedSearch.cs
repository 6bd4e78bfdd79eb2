namespace FolderPrism.Core.Library;

/// <summary>
/// A <c>Search/</c> folder a user created. Every name under <c>Search/</c> is a query whether saved or not, but a file
/// manager only shows (and lets the user reopen) folders that are listed, and its "New folder" then rename flow needs
/// the folder to stay where it was put; saving the name is what makes <c>Search/</c> behave like a folder of folders.
/// </summary>
public sealed class SavedSearch
{
    public int Id { get; set; }

    /// <summary>The folder name as created (NFC), which is the query; unique, case-insensitive.</summary>
    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
