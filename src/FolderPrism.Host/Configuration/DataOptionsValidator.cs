using FolderPrism.Core.Configuration;
using Microsoft.Extensions.Options;

namespace FolderPrism.Host.Configuration;

/// <summary>Checks <c>Data:Path</c> and creates it (and its <c>logs/</c>) if missing.</summary>
internal sealed class DataOptionsValidator : IValidateOptions<DataOptions>
{
    public ValidateOptionsResult Validate(string? name, DataOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Fail("Data:Path is empty");
        }

        var problem = DirectoryProbe.EnsureWritable(options.Path) ?? DirectoryProbe.EnsureWritable(options.LogsPath);
        return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail($"Data:Path: {problem}");
    }
}
