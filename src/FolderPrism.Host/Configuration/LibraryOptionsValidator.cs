using FolderPrism.Core.Configuration;
using Microsoft.Extensions.Options;

namespace FolderPrism.Host.Configuration;

/// <summary>Checks <c>Library:Path</c> and creates the library root, <c>Originals/</c> and <c>Import/</c> if missing.</summary>
internal sealed class LibraryOptionsValidator : IValidateOptions<LibraryOptions>
{
    public ValidateOptionsResult Validate(string? name, LibraryOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Fail("Library:Path is empty");
        }

        var problem = DirectoryProbe.EnsureWritable(options.Path)
            ?? DirectoryProbe.EnsureWritable(options.OriginalsPath)
            ?? DirectoryProbe.EnsureWritable(options.ImportPath);
        return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail($"Library:Path: {problem}");
    }
}
