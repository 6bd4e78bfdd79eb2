namespace FolderPrism.Vision.Clustering;

/// <summary>
/// Groups faces into people. Named people attract faces within the match distance first; the rest are clustered by
/// density (DBSCAN: core faces have ≥ N neighbours within ε), so a chain of one-off look-alikes cannot glue two
/// people together. Two faces of one photo never share a person or cluster (cannot-link). Faces are processed in
/// id order and clusters inherit the previous id most of their members had, so re-running is stable.
/// This is the full re-clustering (<c>faces run --recluster</c>); between full runs <see cref="IncrementalFaceClusterer"/>
/// places only new faces.
/// </summary>
public sealed class FaceClusterer
{
    private readonly FaceClusteringOptions _options;
    private readonly double _neighbourDistance;
    private readonly double _matchDistance;
    private readonly Faces.FaceDistanceMetric _metric;

    /// <param name="options">Thresholds.</param>
    /// <param name="embedder">The <c>Vision:Embedder</c> whose descriptors are clustered: picks the metric and distances.</param>
    public FaceClusterer(FaceClusteringOptions options, string? embedder = null)
    {
        _options = options;
        (_neighbourDistance, _matchDistance, _metric) = options.For(embedder);
    }

    /// <summary>Full re-clustering of every face.</summary>
    public IReadOnlyList<FaceClusterAssignment> Cluster(IReadOnlyList<ClusterFace> faces, CancellationToken ct)
    {
        var ordered = faces.OrderBy(f => f.FaceId).ToList();
        var person = AttractToPeople(ordered, ordered.Where(f => f.Person is not null).ToList());
        var rest = ordered.Where(f => f.Person is null && !person.ContainsKey(f.FaceId)).ToList();
        var clusters = Dbscan(rest, ct);
        var ids = StableIds(clusters, ordered);
        var result = new List<FaceClusterAssignment>(ordered.Count);
        var clusterOf = new Dictionary<long, long>();
        for (var c = 0; c < clusters.Count; c++)
        {
            foreach (var f in clusters[c])
            {
                clusterOf[f.FaceId] = ids[c];
            }
        }

        foreach (var f in ordered)
        {
            var name = f.Person ?? person.GetValueOrDefault(f.FaceId);
            result.Add(new FaceClusterAssignment(f.FaceId, name, name is null && clusterOf.TryGetValue(f.FaceId, out var id) ? id : null));
        }

        return result;
    }

    /// <summary>Unnamed faces → the closest named person within the match distance, one face per person per photo.</summary>
    private Dictionary<long, string> AttractToPeople(List<ClusterFace> faces, List<ClusterFace> examples)
    {
        var byPerson = examples.GroupBy(e => e.Person!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var namedInPhoto = examples.Select(e => (e.PhotoId, e.Person!)).ToHashSet();
        var candidates = new List<(ClusterFace Face, string Person, double Distance)>();
        foreach (var f in faces.Where(f => f.Person is null))
        {
            (string? Person, double Distance) best = (null, double.MaxValue);
            foreach (var (name, list) in byPerson)
            {
                if (f.RejectedPersons?.Contains(name) == true || namedInPhoto.Contains((f.PhotoId, name)))
                {
                    continue;
                }

                var d = list.Min(e => Distance(f, e));
                if (d <= _matchDistance && (d < best.Distance || (d == best.Distance && string.CompareOrdinal(name, best.Person) < 0)))
                {
                    best = (name, d);
                }
            }

            if (best.Person is not null)
            {
                candidates.Add((f, best.Person, best.Distance));
            }
        }

        return candidates
            .GroupBy(c => (c.Face.PhotoId, c.Person))
            .Select(g => g.OrderBy(c => c.Distance).ThenBy(c => c.Face.FaceId).First())
            .ToDictionary(c => c.Face.FaceId, c => c.Person);
    }

    /// <summary>Density clusters of <paramref name="faces"/> (cannot-link per photo); compares every pair once each way.</summary>
    internal List<List<ClusterFace>> Dbscan(List<ClusterFace> faces, CancellationToken ct)
    {
        var n = faces.Count;
        var neighbours = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            ct.ThrowIfCancellationRequested();
            neighbours[i] = [];
            for (var j = 0; j < n; j++)
            {
                if (i != j && Distance(faces[i], faces[j]) <= _neighbourDistance)
                {
                    neighbours[i].Add(j);
                }
            }
        }

        var assigned = new bool[n];
        var clusters = new List<List<ClusterFace>>();
        for (var i = 0; i < n; i++)
        {
            if (assigned[i] || neighbours[i].Count < _options.MinNeighbours)
            {
                continue;
            }

            var members = new List<ClusterFace>();
            var photos = new HashSet<long>();
            var queue = new Queue<int>([i]);
            while (queue.Count > 0)
            {
                var k = queue.Dequeue();
                if (assigned[k] || photos.Contains(faces[k].PhotoId))
                {
                    continue;
                }

                assigned[k] = true;
                photos.Add(faces[k].PhotoId);
                members.Add(faces[k]);
                if (neighbours[k].Count >= _options.MinNeighbours)
                {
                    foreach (var j in neighbours[k].Where(j => !assigned[j]).OrderBy(j => Distance(faces[k], faces[j])).ThenBy(j => j))
                    {
                        queue.Enqueue(j);
                    }
                }
            }

            clusters.Add(members);
        }

        return clusters;
    }

    /// <summary>Largest clusters pick first the previous id most of their members carried; the rest get fresh ids.</summary>
    private static long[] StableIds(List<List<ClusterFace>> clusters, List<ClusterFace> all)
    {
        var ids = new long[clusters.Count];
        var used = new HashSet<long>();
        var next = all.Select(f => f.PreviousClusterId ?? 0).DefaultIfEmpty(0).Max() + 1;
        var order = Enumerable.Range(0, clusters.Count).OrderByDescending(c => clusters[c].Count).ThenBy(c => clusters[c][0].FaceId).ToList();
        foreach (var c in order)
        {
            var previous = clusters[c].Where(f => f.PreviousClusterId is { } p && !used.Contains(p))
                .GroupBy(f => f.PreviousClusterId!.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).FirstOrDefault();
            ids[c] = previous?.Key ?? next++;
            used.Add(ids[c]);
        }

        return ids;
    }

    /// <summary>Distance under the embedder's metric; descriptors of another embedder (other length) are never close.</summary>
    private double Distance(ClusterFace a, ClusterFace b) => Faces.FaceVectors.Distance(a.Vector, b.Vector, _metric);
}
