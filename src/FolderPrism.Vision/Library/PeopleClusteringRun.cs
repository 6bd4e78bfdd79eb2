using System.Globalization;
using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.Vision.Clustering;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Vision.Library;

/// <summary>
/// The clustering job. Incremental by default: only faces no run has placed yet (and earlier noise) are considered;
/// they join named people or existing clusters through a bounded set of exemplars per group
/// (<see cref="IncrementalFaceClusterer"/>), and the remainder is density-clustered into new clusters, so existing
/// cluster ids — the <c>Unknown N</c> folders — never move and a run costs what is new. A full re-clustering
/// (<c>faces run --recluster</c>) re-runs <see cref="FaceClusterer"/> over every face, keeping ids where it can.
/// Faces a user named keep their person; rejections (person or cluster) are honoured in both.
/// </summary>
public sealed class PeopleClusteringRun(
    IDbContextFactory<FolderPrismDbContext> contexts,
    FaceClusterer clusterer,
    IncrementalFaceClusterer incremental,
    FaceClusteringOptions options,
    Microsoft.Extensions.Options.IOptions<VisionOptions> vision)
{
    /// <summary>Descriptors of the other embedder are left out; they wait for <see cref="DescriptorRefresher"/>.</summary>
    private int OtherBytes => DescriptorRefresher.OtherDescriptorBytes(vision.Value.Embedder);

    /// <summary>An incremental run; returns the number of faces whose assignment changed.</summary>
    public async Task<int> RunAsync(CancellationToken ct) => (await RunAsync(full: false, ct)).Changed;

    public async Task<ClusteringReport> RunAsync(bool full, CancellationToken ct) =>
        full ? await FullAsync(ct) : await IncrementalAsync(ct);

    private async Task<ClusteringReport> IncrementalAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var other = OtherBytes;
        // Metadata of every face that matters (no descriptors): cheap, and it says who is on which photo.
        var rows = await db.Faces.AsNoTracking()
            .Where(f => f.PersonId != null || f.ClusterId != null || (f.Embedding != null && f.Clusterable))
            .Select(f => new FaceRow(f.Id, f.ItemId, f.PersonId, f.ClusterId, f.Source, f.Rejections, f.Embedding != null && f.Embedding.Length != other, f.Clusterable))
            .ToListAsync(ct);
        var pending = rows.Where(r => r.HasEmbedding && r.Clusterable && r.PersonId is null && r.ClusterId is null).ToList();
        if (pending.Count == 0)
        {
            return new ClusteringReport(false, 0, 0, 0, 0);
        }

        var photoIds = new Dictionary<Guid, long>();
        long Photo(Guid item) => photoIds.TryGetValue(item, out var id) ? id : photoIds[item] = photoIds.Count + 1;
        var groups = rows.Where(r => r.PersonId is { } p ? people.ContainsKey(p) : r.ClusterId is not null)
            .GroupBy(r => r.PersonId is { } p ? "p" + p.ToString(CultureInfo.InvariantCulture) : "c" + r.ClusterId!.Value.ToString(CultureInfo.InvariantCulture))
            .Select(g => (Key: g.Key, Rows: g.ToList(), Exemplars: Exemplars(g.Where(r => r.HasEmbedding).ToList())))
            .ToList();
        var wanted = pending.Select(r => r.Id).Concat(groups.SelectMany(g => g.Exemplars.Select(e => e.Id))).ToList();
        var vectors = new Dictionary<long, float[]>(wanted.Count);
        foreach (var chunk in wanted.Chunk(2000))
        {
            foreach (var v in await db.Faces.AsNoTracking().Where(f => chunk.Contains(f.Id)).Select(f => new { f.Id, f.Embedding }).ToListAsync(ct))
            {
                vectors[v.Id] = FaceRecords.DecodeVector(v.Embedding!);
            }
        }

        ClusterFace Input(FaceRow r, string? person) => new(r.Id, Photo(r.ItemId), vectors[r.Id], person,
            RejectedNames(r.Rejections, people), null, RejectedClusters(r.Rejections));
        var clusterGroups = groups.Select(g =>
        {
            var person = g.Rows[0].PersonId is { } p ? people[p] : null;
            return new ClusterGroup(person, person is null ? g.Rows[0].ClusterId : null,
                g.Exemplars.Where(e => vectors.ContainsKey(e.Id)).Select(e => Input(e, person)).ToList(),
                g.Rows.Select(r => Photo(r.ItemId)).ToHashSet());
        }).ToList();
        var nextId = Math.Max(rows.Max(r => r.ClusterId ?? 0), rows.SelectMany(r => RejectedClusters(r.Rejections) ?? []).DefaultIfEmpty(0).Max()) + 1;
        var result = incremental.Place(pending.Select(r => Input(r, null)).ToList(), clusterGroups, nextId, ct);

        var byName = people.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        var changed = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var group in result.Assignments.Where(a => a.Person is not null || a.ClusterId is not null).GroupBy(a => (a.Person, a.ClusterId)))
        {
            var ids = group.Select(a => a.FaceId).ToList();
            int? personId = group.Key.Person is { } name && byName.TryGetValue(name, out var pid) ? pid : null;
            var clusterId = personId is null ? group.Key.ClusterId : null;
            // Only faces still unplaced: a user may have named one meanwhile.
            changed += await db.Faces.Where(f => ids.Contains(f.Id) && f.PersonId == null && f.ClusterId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.PersonId, personId).SetProperty(f => f.ClusterId, clusterId), ct);
        }

        await transaction.CommitAsync(ct);
        return new ClusteringReport(false, pending.Count, vectors.Count, result.Comparisons, changed);
    }

    private async Task<ClusteringReport> FullAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var byName = people.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        var other = OtherBytes;
        var faces = await db.Faces.Where(f => f.Embedding != null && f.Embedding.Length != other && (f.Clusterable || f.PersonId != null)).ToListAsync(ct);
        var photoIds = new Dictionary<Guid, long>();
        var input = faces.Select(f =>
        {
            if (!photoIds.TryGetValue(f.ItemId, out var photo))
            {
                photo = photoIds.Count + 1;
                photoIds[f.ItemId] = photo;
            }

            return new ClusterFace(f.Id, photo, FaceRecords.DecodeVector(f.Embedding!),
                f.PersonId is { } p && people.TryGetValue(p, out var name) ? name : null, RejectedNames(f.Rejections, people), f.ClusterId);
        }).ToList();

        var assignments = clusterer.Cluster(input, ct).ToDictionary(a => a.FaceId);
        var changed = 0;
        foreach (var face in faces)
        {
            var a = assignments[face.Id];
            int? personId = face.PersonId ?? (a.Person is { } n && byName.TryGetValue(n, out var pid) ? pid : null);
            long? clusterId = personId is null ? a.ClusterId : null;
            if (clusterId is { } c && FaceRecords.ParseRejections(face.Rejections).Contains(FaceRecords.ClusterToken(c)))
            {
                clusterId = null;
            }

            if (face.PersonId != personId || face.ClusterId != clusterId)
            {
                face.PersonId = personId;
                face.ClusterId = clusterId;
                changed++;
            }
        }

        await db.SaveChangesAsync(ct);
        var count = (long)input.Count;
        return new ClusteringReport(true, input.Count, input.Count, count * Math.Max(0, count - 1), changed);
    }

    /// <summary>
    /// At most <see cref="FaceClusteringOptions.Exemplars"/> faces of a group: faces a user or a file named first
    /// (they are the surest), then spread evenly over the rest by id, so old and new looks are both represented.
    /// </summary>
    private List<FaceRow> Exemplars(List<FaceRow> faces)
    {
        var max = Math.Max(1, options.Exemplars);
        if (faces.Count <= max)
        {
            return faces;
        }

        var vouched = faces.Where(f => f.Source != AssociationSource.Recognition).OrderBy(f => f.Id).Take(max).ToList();
        var others = faces.Where(f => f.Source == AssociationSource.Recognition).OrderBy(f => f.Id).ToList();
        var room = max - vouched.Count;
        for (var i = 0; i < room && others.Count > 0; i++)
        {
            vouched.Add(others[(int)((long)i * others.Count / room)]);
        }

        return vouched;
    }

    private static HashSet<string> RejectedNames(string? rejections, Dictionary<int, string> people) =>
        FaceRecords.ParseRejections(rejections)
            .Select(t => t[0] == 'p' && int.TryParse(t.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && people.TryGetValue(id, out var name) ? name : null)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static HashSet<long>? RejectedClusters(string? rejections)
    {
        if (rejections is null)
        {
            return null;
        }

        return FaceRecords.ParseRejections(rejections)
            .Select(t => t[0] == 'c' && long.TryParse(t.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
            .OfType<long>().ToHashSet();
    }

    private sealed record FaceRow(long Id, Guid ItemId, int? PersonId, long? ClusterId, AssociationSource Source, string? Rejections, bool HasEmbedding, bool Clusterable);
}
