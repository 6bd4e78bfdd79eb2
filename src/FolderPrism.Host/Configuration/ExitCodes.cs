namespace FolderPrism.Host.Configuration;

/// <summary>Process exit codes, stable so scripts and systemd can tell failures apart.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The operation failed (user not found, port in use, daemon not running for <c>status</c>...).</summary>
    public const int Failed = 1;

    /// <summary>A setting is invalid; systemd should not restart-loop on it (see RestartPreventExitStatus).</summary>
    public const int InvalidSettings = 2;
}
