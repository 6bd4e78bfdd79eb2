using FolderPrism.Data;
using FolderPrism.Vision.Clustering;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Vision.Library;

/// <summary>
/// The clustering job: reads every face with a descriptor, runs <see cref="FaceClusterer"/> (named faces are labelled
/// examples and attract unnamed ones; the rest are density-clustered with stable ids) and writes person / cluster
/// assignments back. Faces a user named keep their person; rejections (person or cluster) are honoured.
/// </summary>
public sealed class PeopleClusteringRun(IDbContextFactory<FolderPrismDbContext> contexts, FaceClusterer clusterer)
{
    /// <summary>Re-clusters all faces; returns the number of faces whose assignment changed.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var byName = people.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        var faces = await db.Faces.Where(f => f.Embedding != null && (f.Clusterable || f.PersonId != null)).ToListAsync(ct);
        var photoIds = new Dictionary<Guid, long>();
        var input = faces.Select(f =>
        {
            var rejections = FaceRecords.ParseRejections(f.Rejections);
            var rejectedNames = rejections.Where(t => t[0] == 'p' && int.TryParse(t.AsSpan(1), out var id) && people.ContainsKey(id))
                .Select(t => people[int.Parse(t.AsSpan(1))]).ToHashSet(StringComparer.Ordinal);
            if (!photoIds.TryGetValue(f.ItemId, out var photo))
            {
                photo = photoIds.Count + 1;
                photoIds[f.ItemId] = photo;
            }

            return new ClusterFace(f.Id, photo, FaceRecords.DecodeVector(f.Embedding!),
                f.PersonId is { } p && people.TryGetValue(p, out var name) ? name : null, rejectedNames, f.ClusterId);
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
        return changed;
    }
}
