namespace FolderPrism.Vision.Models;

/// <summary>How a catalog model is stored in its npm package, which decides how the converter rebuilds it.</summary>
public enum VisionModelFormat
{
    /// <summary>A tfjs graph model: <c>model.json</c> with GraphDef nodes and a weights manifest.</summary>
    TfjsGraph,

    /// <summary>face-api's FaceRecognitionNet: only a tfjs weights manifest; the network is rebuilt from face-api's architecture.</summary>
    FaceApiRecognitionNet,
}
