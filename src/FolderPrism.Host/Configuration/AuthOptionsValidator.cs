using Microsoft.Extensions.Options;

namespace FolderPrism.Host.Configuration;

/// <summary>Rejects negative or nonsensical auth tuning values, naming the key.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(options.CacheSeconds), options.CacheSeconds, 0);
        Check(failures, nameof(options.CacheCapacity), options.CacheCapacity, 1);
        Check(failures, nameof(options.UserRefreshSeconds), options.UserRefreshSeconds, 0);
        Check(failures, nameof(options.FailuresBeforeThrottle), options.FailuresBeforeThrottle, 1);
        Check(failures, nameof(options.MaxThrottleSeconds), options.MaxThrottleSeconds, 1);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, int value, int minimum)
    {
        if (value < minimum)
        {
            failures.Add($"{AuthOptions.SectionName}:{key}: {value} is invalid (must be at least {minimum})");
        }
    }
}
