namespace FolderPrism.Vision.Library;

/// <summary>
/// What one clustering run did: whether it was a full re-clustering, how many faces it considered (pending ones in an
/// incremental run, all in a full one), how many descriptors it read, how many distances it computed, and how many
/// faces changed person or cluster. The work figures let tests and logs check that incremental runs stay cheap.
/// </summary>
public sealed record ClusteringReport(bool Full, int Considered, int DescriptorsRead, long Comparisons, int Changed);
