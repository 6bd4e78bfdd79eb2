using Microsoft.AspNetCore.Http;

namespace FolderPrism.Vision.Library;

/// <summary>Counts every served request in <see cref="ServingActivity"/> so the vision worker can step aside.</summary>
public sealed class ServingActivityMiddleware(RequestDelegate next, ServingActivity activity)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using (activity.Begin())
        {
            await next(context);
        }
    }
}
