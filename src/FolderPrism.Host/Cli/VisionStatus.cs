using FolderPrism.Vision;
using FolderPrism.Vision.Library;
using FolderPrism.Vision.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FolderPrism.Host.Cli;

/// <summary>The <c>vision:</c> line of <c>folderprism status</c>: off (and why) or on with the pending photo count.</summary>
internal static class VisionStatus
{
    public static async Task<string> DescribeAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!services.GetRequiredService<IOptions<VisionOptions>>().Value.Enabled)
        {
            return "vision off: disabled (Vision:Enabled = false)";
        }

        var store = services.GetRequiredService<ModelStore>();
        var processor = services.GetRequiredService<VisionProcessor>();
        return processor.IsAvailable ? $"{store.Describe()}, {await processor.CountPendingAsync(ct)} photos pending" : store.Describe();
    }
}
