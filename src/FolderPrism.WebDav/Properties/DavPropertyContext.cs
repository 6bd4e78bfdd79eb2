using FolderPrism.WebDav.Locking;

namespace FolderPrism.WebDav.Properties;

/// <summary>Per-request state live properties need; caches the statvfs result so a listing asks the kernel once.</summary>
public sealed class DavPropertyContext(ILockManager locks, DateTimeOffset now)
{
    private (long Free, long Used)? _quota;

    public ILockManager Locks { get; } = locks;

    public DateTimeOffset Now { get; } = now;

    public (long Free, long Used) GetQuota(string physicalPath)
    {
        if (_quota is { } cached)
        {
            return cached;
        }

        try
        {
            var drive = new DriveInfo(physicalPath);
            _quota = (drive.AvailableFreeSpace, drive.TotalSize - drive.TotalFreeSpace);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            _quota = (0, 0);
        }

        return _quota.Value;
    }
}
