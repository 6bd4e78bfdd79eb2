namespace FolderPrism.WebDav.Tests;

/// <summary>What a <see cref="PrivilegedFactAttribute"/> test needs from the machine (all of them need root).</summary>
public enum PrivilegedFeature
{
    /// <summary><c>mount -t tmpfs -o size=…</c>: a tiny file system that fills up.</summary>
    TmpfsMount,

    /// <summary><c>chattr +i</c> on the temp file system: a file that even root cannot delete.</summary>
    ImmutableFile,

    /// <summary><c>mount --bind</c> then <c>mount -o remount,bind,ro</c>: a read-only folder inside the library.</summary>
    ReadOnlyBindMount,
}
