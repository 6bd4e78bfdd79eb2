using FolderPrism.Vision.Faces;

namespace FolderPrism.Vision.Clustering;

/// <summary>
/// Places new faces without re-clustering what is settled, so a run costs what is new, not what the library holds:
/// (1) a face joins the named person whose exemplars it is closest to within the match distance; (2) else the unnamed
/// cluster where it has the most exemplars within ε (at least one: DBSCAN's border rule, as a full run would take a
/// face next to a core member); (3) what is left is density-clustered among itself (core faces need
/// <see cref="FaceClusteringOptions.MinNeighbours"/>) and new clusters get fresh ids. Existing cluster ids never change, so <c>Unknown N</c> folders stay put.
/// Never the same person twice in one photo; rejected people and clusters are never given back.
/// </summary>
/// <param name="options">Thresholds.</param>
/// <param name="embedder">The <c>Vision:Embedder</c> whose descriptors are placed: picks the metric and distances.</param>
public sealed class IncrementalFaceClusterer(FaceClusteringOptions options, string? embedder = null)
{
    private readonly FaceClusterer _density = new(options, embedder);
    private readonly (double Neighbour, double Match, FaceDistanceMetric Metric) _thresholds = options.For(embedder);

    /// <param name="pending">Faces no run has placed yet (and earlier noise), with descriptors.</param>
    /// <param name="groups">Named people and unnamed clusters with their exemplars and photos.</param>
    /// <param name="nextClusterId">First id free for new clusters (above every id ever used or rejected).</param>
    /// <param name="ct">Cancellation.</param>
    public IncrementalClustering Place(IReadOnlyList<ClusterFace> pending, IReadOnlyList<ClusterGroup> groups, long nextClusterId, CancellationToken ct)
    {
        long comparisons = 0;
        double Distance(ClusterFace a, ClusterFace b)
        {
            comparisons++;
            return FaceVectors.Distance(a.Vector, b.Vector, _thresholds.Metric);
        }

        var ordered = pending.OrderBy(f => f.FaceId).ToList();
        var occupied = new Dictionary<ClusterGroup, HashSet<long>>(ReferenceEqualityComparer.Instance);
        foreach (var group in groups)
        {
            occupied[group] = [.. group.Photos];
        }

        var placed = new Dictionary<long, FaceClusterAssignment>();

        var named = groups.Where(g => g.Person is not null && g.Exemplars.Count > 0).OrderBy(g => g.Person, StringComparer.Ordinal).ToList();
        var candidates = new List<(ClusterFace Face, ClusterGroup Group, double Distance)>();
        foreach (var face in ordered.Where(f => f.Person is null))
        {
            ct.ThrowIfCancellationRequested();
            (ClusterGroup? Group, double Distance) best = (null, double.MaxValue);
            foreach (var group in named)
            {
                if (face.RejectedPersons?.Contains(group.Person!) == true || occupied[group].Contains(face.PhotoId))
                {
                    continue;
                }

                var d = group.Exemplars.Min(e => Distance(face, e));
                if (d <= _thresholds.Match && d < best.Distance)
                {
                    best = (group, d);
                }
            }

            if (best.Group is not null)
            {
                candidates.Add((face, best.Group, best.Distance));
            }
        }

        foreach (var (face, group, _) in candidates.GroupBy(c => (c.Face.PhotoId, c.Group.Person))
                     .Select(g => g.OrderBy(c => c.Distance).ThenBy(c => c.Face.FaceId).First()))
        {
            placed[face.FaceId] = new FaceClusterAssignment(face.FaceId, group.Person, null);
            occupied[group].Add(face.PhotoId);
        }

        var clusters = groups.Where(g => g.Person is null && g.ClusterId is not null).OrderBy(g => g.ClusterId).ToList();
        var rest = new List<ClusterFace>();
        foreach (var face in ordered.Where(f => f.Person is null && !placed.ContainsKey(f.FaceId)))
        {
            ct.ThrowIfCancellationRequested();
            (ClusterGroup? Group, int Neighbours, double Mean) best = (null, 0, 0);
            foreach (var group in clusters)
            {
                if (occupied[group].Contains(face.PhotoId) || face.RejectedClusters?.Contains(group.ClusterId!.Value) == true)
                {
                    continue;
                }

                var (n, sum) = (0, 0.0);
                foreach (var exemplar in group.Exemplars)
                {
                    var d = Distance(face, exemplar);
                    if (d <= _thresholds.Neighbour)
                    {
                        n++;
                        sum += d;
                    }
                }

                if (n >= 1 && (n > best.Neighbours || (n == best.Neighbours && sum / n < best.Mean)))
                {
                    best = (group, n, sum / n);
                }
            }

            if (best.Group is { } joined)
            {
                placed[face.FaceId] = new FaceClusterAssignment(face.FaceId, null, joined.ClusterId);
                occupied[joined].Add(face.PhotoId);
            }
            else
            {
                rest.Add(face);
            }
        }

        var fresh = _density.Dbscan(rest, ct);
        comparisons += (long)rest.Count * Math.Max(0, rest.Count - 1);
        var next = nextClusterId;
        foreach (var cluster in fresh.OrderByDescending(c => c.Count).ThenBy(c => c.Min(f => f.FaceId)))
        {
            var id = next++;
            foreach (var face in cluster)
            {
                placed[face.FaceId] = new FaceClusterAssignment(face.FaceId, null, id);
            }
        }

        var assignments = ordered
            .Select(f => f.Person is not null ? new FaceClusterAssignment(f.FaceId, f.Person, null)
                : placed.GetValueOrDefault(f.FaceId) ?? new FaceClusterAssignment(f.FaceId, null, null))
            .ToList();
        return new IncrementalClustering(assignments, comparisons, fresh.Count);
    }
}
