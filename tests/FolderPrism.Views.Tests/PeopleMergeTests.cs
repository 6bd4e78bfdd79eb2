using System.Net;
using FolderPrism.Core.Library;
using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Views.Tests;

/// <summary>Merging two named people (MOVE People/A onto People/B) keeps one face per photo and remembers the rejection.</summary>
public sealed class PeopleMergeTests
{
    [Fact]
    public async Task Merging_keeps_the_better_face_per_photo_and_clustering_does_not_undo_it()
    {
        await using var host = await ViewsHost.StartAsync();
        var shared = await host.AddAsync("2020/both.jpg", new DateTime(2020, 1, 1, 10, 0, 0), i => i.MimeType = "image/jpeg");
        var onlyA = await host.AddAsync("2020/a.jpg", new DateTime(2020, 1, 2, 10, 0, 0), i => i.MimeType = "image/jpeg");
        var onlyB = await host.AddAsync("2020/b.jpg", new DateTime(2020, 1, 3, 10, 0, 0), i => i.MimeType = "image/jpeg");
        var wholeB = await host.AddAsync("2020/whole.jpg", new DateTime(2020, 1, 4, 10, 0, 0), i => i.MimeType = "image/jpeg");

        // Everyone has the same descriptor, so clustering would happily put any face anywhere it is allowed to.
        var vector = FaceRecords.EncodeVector(FaceVectors.Normalize([.. Enumerable.Range(1, 32).Select(i => (float)i)]));
        long sureA, unsureB;
        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            var a = new Person { Name = "Anna", CreatedAt = DateTimeOffset.UtcNow };
            var b = new Person { Name = "Anna B", CreatedAt = DateTimeOffset.UtcNow };
            db.People.AddRange(a, b);
            await db.SaveChangesAsync(ViewsHost.Timeout);
            Face Detected(MediaItem item, Person p, double score, double x) => new()
            {
                ItemId = item.Id, PersonId = p.Id, X = x, Y = 0.2, Width = 0.2, Height = 0.2, Score = score, Embedding = vector, Clusterable = true,
                Source = AssociationSource.Recognition, Origin = "faceres",
            };
            var faces = new[]
            {
                Detected(shared, a, 0.95, 0.1), Detected(shared, b, 0.70, 0.5), Detected(onlyA, a, 0.9, 0.1), Detected(onlyB, b, 0.9, 0.1),
                Detected(wholeB, a, 0.8, 0.3),
                new Face { ItemId = wholeB.Id, PersonId = b.Id, X = 0, Y = 0, Width = 1, Height = 1, Source = AssociationSource.User, Origin = "manual" },
            };
            db.Faces.AddRange(faces);
            await db.SaveChangesAsync(ViewsHost.Timeout);
            (sureA, unsureB) = (faces[0].Id, faces[1].Id);
        }

        (await host.SendAsync("MOVE", "/People/Anna", ("Destination", new Uri(host.Http.BaseAddress!, ViewsHost.Href("/People/Anna B")).AbsoluteUri)))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.ListAsync("/People/")).ShouldBe(["Anna B/"]);
        (await host.ListAsync("/People/Anna B/")).Count.ShouldBe(4);

        await AssertOnePerPhotoAsync();
        await host.App.Services.GetRequiredService<PeopleClusteringRun>().RunAsync(ViewsHost.Timeout);
        await AssertOnePerPhotoAsync();

        async Task AssertOnePerPhotoAsync()
        {
            await using var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout);
            var b = await db.People.SingleAsync(p => p.Name == "Anna B", ViewsHost.Timeout);
            var faces = await db.Faces.AsNoTracking().ToListAsync(ViewsHost.Timeout);
            faces.Where(f => f.PersonId == b.Id).GroupBy(f => f.ItemId).ShouldAllBe(g => g.Count() == 1);
            faces.Single(f => f.Id == sureA).PersonId.ShouldBe(b.Id);
            var loser = faces.Single(f => f.Id == unsureB);
            loser.PersonId.ShouldBeNull();
            FaceRecords.ParseRejections(loser.Rejections).ShouldContain(FaceRecords.PersonToken(b.Id));
            faces.Where(f => f.ItemId == wholeB.Id).ShouldHaveSingleItem().Source.ShouldBe(AssociationSource.Recognition);
        }
    }
}
