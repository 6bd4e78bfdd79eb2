namespace FolderPrism.Vision.Tests.Support;

/// <summary>Real photos with faces shipped in npm packages (installed by `make vision-deps`).</summary>
internal static class SamplePhotos
{
    /// <summary>tracking 1.1.3: three men side by side, 600×346.</summary>
    public static string ThreeFaces => Path.Combine(RepoPaths.NodeModules, "tracking", "examples", "assets", "faces.jpg");

    /// <summary>@vladmandic/human 3.3.6: demo screenshot, 1280×1158, a large group photo under a row of thumbnails.</summary>
    public static string Collage => Path.Combine(RepoPaths.NodeModules, "@vladmandic", "human", "assets", "samples.jpg");
}
