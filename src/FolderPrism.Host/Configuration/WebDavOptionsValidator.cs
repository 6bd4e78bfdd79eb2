using FolderPrism.WebDav;
using Microsoft.Extensions.Options;

namespace FolderPrism.Host.Configuration;

/// <summary>
/// Rejects a send timeout Kestrel cannot apply: its minimum-rate grace period must be longer than the one-second
/// interval at which it checks timeouts (a shorter one would fail every GET instead of stopping the daemon once).
/// </summary>
internal sealed class WebDavOptionsValidator : IValidateOptions<WebDavOptions>
{
    // No client pauses for a day; and Kestrel adds the grace period to its clock's ticks, where a value near
    // TimeSpan.MaxValue would overflow into the past and time out every GET at once.
    private static readonly TimeSpan MaxSendTimeout = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, WebDavOptions options) =>
        options.SendTimeout > TimeSpan.FromSeconds(1) && options.SendTimeout <= MaxSendTimeout
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{WebDavOptions.SectionName}:{nameof(options.SendTimeout)}: {options.SendTimeout} is invalid " +
                $"(must be longer than 00:00:01 and no longer than {MaxSendTimeout})");
}
