using FolderPrism.Vision.Clustering;
using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Objects;

namespace FolderPrism.Vision;

/// <summary>Configuration section <c>Vision</c>: everything tunable about faces, people and labels.</summary>
public sealed class VisionOptions
{
    public const string SectionName = "Vision";

    /// <summary>Master switch; vision also stays off while the models are not installed.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Face descriptor network: <c>faceres</c> (default, 1024-d, cosine) or <c>face_recognition</c> (face-api's
    /// dlib-derived 128-d ResNet, euclidean; needs @vladmandic/face-api installed by <c>models install</c>).
    /// Clustering distances follow the choice (see <see cref="FaceClusteringOptions"/>).
    /// </summary>
    public string Embedder { get; set; } = FaceEmbedderNames.FaceRes;

    /// <summary>Run CenterNet for machine labels as well as faces.</summary>
    public bool Labels { get; set; } = true;

    /// <summary>
    /// Decode the indexer's ~1440 px preview (keyed by content hash) instead of the original when it exists: ~10×
    /// cheaper than a 12-MP decode. Detection loses nothing (a tile is a third of the shorter side resampled to 192 px,
    /// still ~2.4 preview pixels per model pixel); face crops for descriptors come from fewer pixels than a 2048 px
    /// decode of the original would give. Without a preview the original is decoded (<see cref="FaceDetectionOptions.MaxDecodeEdge"/>).
    /// </summary>
    public bool DecodeFromPreview { get; set; } = true;

    /// <summary>Model sessions unused this long are released to give memory back.</summary>
    public TimeSpan IdleRelease { get; set; } = TimeSpan.FromMinutes(5);

    public FaceDetectionOptions Faces { get; set; } = new();

    public FaceQualityOptions Quality { get; set; } = new();

    public FaceClusteringOptions Clustering { get; set; } = new();

    public ObjectDetectionOptions Objects { get; set; } = new();

    public Library.VisionWorkerOptions Worker { get; set; } = new();
}
