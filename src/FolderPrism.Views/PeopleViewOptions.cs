namespace FolderPrism.Views;

/// <summary>
/// What <c>People/</c> needs from the vision settings (configuration section <c>Vision:Clustering</c>, shared with
/// the clusterer so both agree on the threshold).
/// </summary>
public sealed class PeopleViewOptions
{
    public const string SectionName = "Vision:Clustering";

    /// <summary>Unnamed face clusters with at least this many faces are listed as <c>People/Unknown N</c>.</summary>
    public int MinFaces { get; set; } = 3;

    /// <summary>Folder name prefix of an unnamed cluster; N is the cluster's stable id.</summary>
    public string UnknownPrefix { get; set; } = "Unknown ";
}
