using FolderPrism.Vision.Converter.Tfjs;

namespace FolderPrism.Vision.Converter.OnnxWriting;

/// <summary>
/// A converted TF tensor: the ONNX value holding it, whether that value is in NCHW (channels-first, transposed
/// from TF's NHWC) or native TF layout, its rank when known (-1 otherwise), and its constant data if it is one.
/// Constants are emitted lazily so each consumer gets the form it needs (native, NCHW, per-channel broadcast).
/// </summary>
internal sealed class TensorRef
{
    public TensorRef(string onnxName, bool nchw, int rank, ElemType type, TensorData? constant = null)
    {
        OnnxName = onnxName;
        Nchw = nchw;
        Rank = rank;
        Type = type;
        Constant = constant;
    }

    public string OnnxName { get; }

    public bool Nchw { get; }

    public int Rank { get; }

    public ElemType Type { get; }

    public TensorData? Constant { get; }

    public bool IsConstant => Constant is not null;

    /// <summary>Cached native-layout copy of an NCHW tensor (one Transpose per tensor at most).</summary>
    public string? NativeName { get; set; }

    /// <summary>Cached NCHW copy of a native rank-4 tensor.</summary>
    public string? NchwName { get; set; }
}
