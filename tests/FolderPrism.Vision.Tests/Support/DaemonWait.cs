using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Vision.Tests.Support;

/// <summary>Polls the daemon's database (not WebDAV: requests would, rightly, pause the vision worker).</summary>
internal static class DaemonWait
{
    public static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token;

    public static async Task ForAsync(IDbContextFactory<FolderPrismDbContext> contexts, Func<FolderPrismDbContext, Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            await using (var db = await contexts.CreateDbContextAsync(Timeout))
            {
                if (await condition(db))
                {
                    return;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the daemon did not get there within 5 minutes: {what}");
            }

            await Task.Delay(300);
        }
    }
}
