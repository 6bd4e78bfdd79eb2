using FolderPrism.Vision.Clustering;
using FolderPrism.Vision.Faces;

namespace FolderPrism.Vision.Tests.Clustering;

/// <summary>Clustering rules on synthetic descriptors: people as tight groups of unit vectors around random centres.</summary>
public sealed class FaceClustererTests
{
    private static readonly FaceClusteringOptions Options = new();
    private readonly Random _random = new(99);
    private long _nextFace = 1;

    private float[] Centre() => FaceVectors.Normalize(Enumerable.Range(0, 64).Select(_ => (float)(_random.NextDouble() - 0.5)).ToArray());

    private float[] Near(float[] centre, double noise = 0.15) =>
        FaceVectors.Normalize(centre.Select(v => v + (float)((_random.NextDouble() - 0.5) * noise * 2 / Math.Sqrt(centre.Length))).ToArray());

    private List<ClusterFace> Person(float[] centre, int count, long firstPhoto, string? name = null) =>
        Enumerable.Range(0, count).Select(i => new ClusterFace(_nextFace++, firstPhoto + i, Near(centre), name)).ToList();

    private static FaceClusterer Clusterer => new(Options);

    [Fact]
    public void Three_people_become_three_clusters_and_an_outlier_stays_alone()
    {
        var faces = Person(Centre(), 5, 100).Concat(Person(Centre(), 4, 200)).Concat(Person(Centre(), 3, 300)).ToList();
        var outlier = new ClusterFace(_nextFace++, 999, Centre());
        faces.Add(outlier);
        var result = Clusterer.Cluster(faces, CancellationToken.None);
        result.Where(r => r.ClusterId is not null).GroupBy(r => r.ClusterId).Select(g => g.Count()).Order().ShouldBe([3, 4, 5]);
        result.Single(r => r.FaceId == outlier.FaceId).ClusterId.ShouldBeNull();
        foreach (var group in result.Where(r => r.ClusterId is not null).GroupBy(r => r.ClusterId))
        {
            group.Select(r => faces.Single(f => f.FaceId == r.FaceId).PhotoId / 100).Distinct().Count().ShouldBe(1);
        }
    }

    [Fact]
    public void Input_order_does_not_change_the_result()
    {
        var faces = Person(Centre(), 6, 100).Concat(Person(Centre(), 6, 200)).ToList();
        var a = Clusterer.Cluster(faces, CancellationToken.None).OrderBy(r => r.FaceId).ToList();
        var b = Clusterer.Cluster(faces.OrderBy(_ => _random.Next()).ToList(), CancellationToken.None).OrderBy(r => r.FaceId).ToList();
        b.ShouldBe(a);
    }

    [Fact]
    public void Cluster_ids_survive_a_rerun_with_new_faces()
    {
        var alice = Centre();
        var bob = Centre();
        var faces = Person(alice, 4, 100).Concat(Person(bob, 4, 200)).ToList();
        var first = Clusterer.Cluster(faces, CancellationToken.None).ToDictionary(r => r.FaceId);
        var carried = faces.Select(f => f with { PreviousClusterId = first[f.FaceId].ClusterId + 40 }).ToList();
        carried.AddRange(Person(Centre(), 3, 300));
        carried.AddRange(Person(bob, 2, 250));
        var second = Clusterer.Cluster(carried, CancellationToken.None).ToDictionary(r => r.FaceId);
        foreach (var f in faces)
        {
            second[f.FaceId].ClusterId.ShouldBe(first[f.FaceId].ClusterId + 40);
        }

        second.Values.Select(r => r.ClusterId).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void Named_people_attract_matching_faces_but_not_rejected_ones()
    {
        var alice = Centre();
        var named = Person(alice, 2, 100, "Alice");
        var unnamed = Person(alice, 3, 200);
        var rejected = new ClusterFace(_nextFace++, 300, Near(alice), RejectedPersons: new HashSet<string> { "Alice" });
        var stranger = Person(Centre(), 3, 400);
        var result = Clusterer.Cluster([.. named, .. unnamed, rejected, .. stranger], CancellationToken.None).ToDictionary(r => r.FaceId);
        unnamed.ShouldAllBe(f => result[f.FaceId].Person == "Alice");
        result[rejected.FaceId].Person.ShouldBeNull();
        stranger.ShouldAllBe(f => result[f.FaceId].Person == null && result[f.FaceId].ClusterId != null);
    }

    [Fact]
    public void The_same_person_never_appears_twice_in_one_photo()
    {
        var alice = Centre();
        var photo = 500L;
        var twins = new[] { new ClusterFace(_nextFace++, photo, Near(alice, 0.05)), new ClusterFace(_nextFace++, photo, Near(alice, 0.05)) };
        var named = Person(alice, 1, 100, "Alice");
        var result = Clusterer.Cluster([.. named, .. twins], CancellationToken.None).ToDictionary(r => r.FaceId);
        twins.Count(t => result[t.FaceId].Person == "Alice").ShouldBe(1);

        var others = Person(alice, 3, 600);
        var clustered = Clusterer.Cluster([.. others, .. twins], CancellationToken.None).ToDictionary(r => r.FaceId);
        var twinClusters = twins.Select(t => clustered[t.FaceId].ClusterId).ToList();
        (twinClusters[0] is null || twinClusters[0] != twinClusters[1]).ShouldBeTrue();
    }

    [Fact]
    public void Incremental_placement_joins_people_and_clusters_and_clusters_only_the_rest()
    {
        var alice = Centre();
        var bob = Centre();
        var carol = Centre();
        var aliceGroup = new ClusterGroup("Alice", null, Person(alice, 2, 100, "Alice"), new HashSet<long> { 100, 101 });
        var bobFaces = Person(bob, 4, 200);
        var bobGroup = new ClusterGroup(null, 7, bobFaces, bobFaces.Select(f => f.PhotoId).ToHashSet());
        var newAlice = new ClusterFace(_nextFace++, 700, Near(alice, 0.01));
        var secondAliceSamePhoto = new ClusterFace(_nextFace++, 700, Near(alice, 0.3));
        var newBob = new ClusterFace(_nextFace++, 701, Near(bob));
        var bobOnHisOwnPhoto = new ClusterFace(_nextFace++, 200, Near(bob));
        var rejectedBob = new ClusterFace(_nextFace++, 702, Near(bob), RejectedClusters: new HashSet<long> { 7 });
        var carols = Person(carol, 3, 800);
        var stranger = new ClusterFace(_nextFace++, 900, Centre());
        ClusterFace[] pending = [newAlice, secondAliceSamePhoto, newBob, bobOnHisOwnPhoto, rejectedBob, .. carols, stranger];

        var result = new IncrementalFaceClusterer(Options).Place(pending, [aliceGroup, bobGroup], 12, CancellationToken.None);
        var placed = result.Assignments.ToDictionary(a => a.FaceId);
        placed[newAlice.FaceId].Person.ShouldBe("Alice");
        placed[secondAliceSamePhoto.FaceId].Person.ShouldBeNull(); // never twice in one photo
        placed[newBob.FaceId].ClusterId.ShouldBe(7);
        placed[bobOnHisOwnPhoto.FaceId].ClusterId.ShouldNotBe(7);
        placed[rejectedBob.FaceId].ClusterId.ShouldNotBe(7);
        carols.ShouldAllBe(f => placed[f.FaceId].ClusterId == 12); // the new cluster takes the first free id
        placed[stranger.FaceId].ShouldBe(new FaceClusterAssignment(stranger.FaceId, null, null));
        result.NewClusters.ShouldBe(1);
    }

    [Fact]
    public void Incremental_work_grows_with_new_faces_and_exemplars_not_with_clustered_faces()
    {
        var bob = Centre();
        var face = new ClusterFace(_nextFace++, 999, Near(bob));
        var small = Person(bob, 8, 100);
        var large = Person(bob, 8, 1000); // same number of exemplars, standing for a cluster of any size
        var a = new IncrementalFaceClusterer(Options).Place([face], [new ClusterGroup(null, 1, small, Enumerable.Range(0, 8).Select(i => (long)i + 100).ToHashSet())], 2, CancellationToken.None);
        var b = new IncrementalFaceClusterer(Options).Place([face], [new ClusterGroup(null, 1, large, Enumerable.Range(0, 5000).Select(i => (long)i + 1000).ToHashSet())], 2, CancellationToken.None);
        a.Comparisons.ShouldBe(8);
        b.Comparisons.ShouldBe(a.Comparisons);
        a.Assignments.Single().ClusterId.ShouldBe(1);
    }
}
