namespace FolderPrism.WebDav.Tests;

/// <summary>
/// A fact that needs root and a working <see cref="PrivilegedFeature"/> (CI runs as root, so there it always runs).
/// xunit 2 has no dynamic skip, so the feature is probed once when the test is discovered: where it is missing the
/// test is reported as skipped with the exact reason, never as a silent pass.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PrivilegedFactAttribute : FactAttribute
{
    public PrivilegedFactAttribute(PrivilegedFeature feature)
    {
        if (WhyUnavailable(feature) is { } reason)
        {
            Skip = reason;
        }
    }

    private static string? WhyUnavailable(PrivilegedFeature feature)
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            return $"needs root on Linux for {feature} (CI runs as root)";
        }

        var probe = Path.Combine(Path.GetTempPath(), "fp-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(probe);
        try
        {
            return feature switch
            {
                PrivilegedFeature.TmpfsMount => Probe(
                    () => SystemCommand.TryRun("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe),
                    () => SystemCommand.TryRun("umount", probe)),
                PrivilegedFeature.ImmutableFile => ProbeImmutable(Path.Combine(probe, "file")),
                PrivilegedFeature.ReadOnlyBindMount => Probe(
                    () => SystemCommand.TryRun("mount", "--bind", probe, probe)
                          ?? SystemCommand.TryRun("mount", "-o", "remount,bind,ro", probe),
                    () => SystemCommand.TryRun("umount", probe)),
                _ => $"unknown feature {feature}",
            };
        }
        finally
        {
            Directory.Delete(probe, recursive: true);
        }
    }

    private static string? ProbeImmutable(string file)
    {
        File.WriteAllText(file, "probe");
        return Probe(() => SystemCommand.TryRun("chattr", "+i", file), () => SystemCommand.TryRun("chattr", "-i", file));
    }

    private static string? Probe(Func<string?> setUp, Func<string?> undo)
    {
        var failure = setUp();
        var undone = undo();
        return failure is null && undone is null ? null : $"cannot set up the test: {failure ?? undone}";
    }
}
