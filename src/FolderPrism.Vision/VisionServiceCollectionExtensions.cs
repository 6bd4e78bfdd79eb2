using FolderPrism.Core.Configuration;
using FolderPrism.Vision.Clustering;
using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Library;
using FolderPrism.Vision.Models;
using FolderPrism.Vision.Objects;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FolderPrism.Vision;

public static class VisionServiceCollectionExtensions
{
    /// <summary>
    /// Registers vision: options from the <c>Vision</c> section, the model store under the data dir, lazily-loaded
    /// sessions (released when idle), face detector, the embedder chosen by <c>Vision:Embedder</c>, object detector, clusterer and the per-photo analyzer.
    /// Nothing is downloaded: without installed models <see cref="IPhotoVisionAnalyzer.IsAvailable"/> is false.
    /// </summary>
    public static IServiceCollection AddFolderPrismVision(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<VisionOptions>(configuration.GetSection(VisionOptions.SectionName));
        services.AddSingleton(sp => ModelStore.ForDataDirectory(sp.GetRequiredService<IOptions<DataOptions>>().Value.FullPath, sp.GetRequiredService<IOptions<VisionOptions>>().Value.Embedder));
        services.AddSingleton(sp => new VisionSessions(sp.GetRequiredService<ModelStore>()));
        services.AddSingleton<IFaceDetector>(sp => new FaceDetector(sp.GetRequiredService<VisionSessions>(), sp.GetRequiredService<IOptions<VisionOptions>>().Value.Faces));
        services.AddSingleton<IFaceEmbedder>(sp => sp.GetRequiredService<IOptions<VisionOptions>>().Value.Embedder == FaceEmbedderNames.FaceRecognition
            ? new FaceRecognitionEmbedder(sp.GetRequiredService<VisionSessions>())
            : new FaceEmbedder(sp.GetRequiredService<VisionSessions>()));
        services.AddSingleton<IObjectDetector>(sp => new ObjectDetector(sp.GetRequiredService<VisionSessions>(), sp.GetRequiredService<IOptions<VisionOptions>>().Value.Objects));
        services.AddSingleton(sp => new FaceClusterer(sp.GetRequiredService<IOptions<VisionOptions>>().Value.Clustering, sp.GetRequiredService<IOptions<VisionOptions>>().Value.Embedder));
        services.AddSingleton(sp => new IncrementalFaceClusterer(sp.GetRequiredService<IOptions<VisionOptions>>().Value.Clustering, sp.GetRequiredService<IOptions<VisionOptions>>().Value.Embedder));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<VisionOptions>>().Value.Clustering);
        services.AddSingleton<IPhotoVisionAnalyzer, PhotoVisionAnalyzer>();
        services.AddHostedService<VisionIdleReleaser>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServingActivity>();
        services.AddSingleton<VisionProcessor>();
        services.AddSingleton<PeopleClusteringRun>();
        services.AddSingleton<DescriptorRefresher>();
        services.AddSingleton<RegionEmbedder>();
        return services;
    }

    /// <summary>
    /// Adds the daemon's background vision worker (one low-priority thread, paused while <see cref="ServingActivity"/>
    /// reports requests). Needs <see cref="AddFolderPrismVision"/>. The CLI never adds it: <c>faces run</c> works in the foreground.
    /// </summary>
    public static IServiceCollection AddFolderPrismVisionWorker(this IServiceCollection services)
    {
        services.AddSingleton<VisionWorkerService>();
        services.AddHostedService(sp => sp.GetRequiredService<VisionWorkerService>());
        return services;
    }
}
