using FolderPrism.Core.Library;
using FolderPrism.Indexing.Jobs;
using FolderPrism.Indexing.Status;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Indexing.Tests.Pipeline;

/// <summary>The persistent queue: resume after a crash, quarantine of files that keep failing, damaged files.</summary>
public sealed class JobQueueTests
{
    [Fact]
    public async Task Job_left_started_by_a_crash_is_retried_on_start()
    {
        await using var f = await PipelineFixture.CreateAsync(start: false);
        f.Write("a.jpg");
        var id = await SimulateCrashedJobAsync(f, "a.jpg", attempts: 1);

        await f.RestartAsync();

        var item = await f.WaitIndexedAsync("a.jpg");
        item.Id.ShouldBe(id);
        item.QuarantineReason.ShouldBeNull();
        await f.WaitUntilAsync(async () => await f.QueryAsync(db => db.IndexJobs.CountAsync()) == 0, "no job left");
    }

    [Fact]
    public async Task Job_that_crashed_the_process_max_times_is_quarantined_not_retried()
    {
        await using var f = await PipelineFixture.CreateAsync(start: false);
        f.Write("killer.jpg");
        f.Write("fine.jpg");
        await SimulateCrashedJobAsync(f, "killer.jpg", attempts: 3);

        await f.RestartAsync();

        await f.WaitIndexedAsync("fine.jpg");
        var killer = await f.WaitForItemAsync("killer.jpg", i => i.QuarantineReason != null, "quarantined");
        killer.QuarantineReason.ShouldNotBeNull().ShouldContain("interrupted");
        killer.AnalyzedAt.ShouldBeNull();
        var status = await f.Services.GetRequiredService<IndexStatusService>().GetAsync(10, default);
        status.Quarantined.Select(q => q.RelativePath).ShouldBe(["killer.jpg"]);
        f.Analyzer.Calls.ShouldBe(1); // only fine.jpg: the start-up reconcile did not revive the unchanged file
    }

    [Fact]
    public async Task File_failing_every_attempt_is_quarantined_until_it_changes()
    {
        await using var f = await PipelineFixture.CreateAsync();
        f.Write("bad.jpg", "POISON");
        f.Write("good.jpg");

        await f.WaitIndexedAsync("good.jpg");
        var bad = await f.WaitForItemAsync("bad.jpg", i => i.QuarantineReason != null, "quarantined");
        bad.QuarantineReason.ShouldNotBeNull().ShouldContain("poisoned file");
        var job = await f.QueryAsync(db => db.IndexJobs.AsNoTracking().SingleAsync(j => j.ItemId == bad.Id));
        job.State.ShouldBe(JobState.Quarantined);
        job.Attempts.ShouldBe(3);
        f.Analyzer.Calls.ShouldBe(4); // 3 for bad.jpg, 1 for good.jpg
        var status = await f.Services.GetRequiredService<IndexStatusService>().GetAsync(10, default);
        status.Quarantined.ShouldHaveSingleItem().Reason.ShouldContain("failed 3 times");

        f.Write("bad.jpg", "healed content");

        var healed = await f.WaitIndexedAsync("bad.jpg");
        healed.Id.ShouldBe(bad.Id);
        healed.QuarantineReason.ShouldBeNull();
        // The item row is saved before its job row is deleted: wait for the job to finish, not only the row.
        await f.WaitUntilAsync(async () => await f.QueryAsync(db => db.IndexJobs.CountAsync()) == 0, "no job left");
    }

    [Fact]
    public async Task Undecodable_file_is_flagged_damaged_not_retried()
    {
        await using var f = await PipelineFixture.CreateAsync();
        f.Write("broken.jpg", "CORRUPT");

        var item = await f.WaitForItemAsync("broken.jpg", i => i.ThumbnailState == ThumbnailState.Failed, "damaged");

        item.IsDamaged.ShouldBeTrue();
        item.DamageReason.ShouldBe("test processor: truncated image data");
        item.QuarantineReason.ShouldBeNull();
        await f.WaitUntilAsync(async () => await f.QueryAsync(db => db.IndexJobs.CountAsync()) == 0, "no job left");
        (await f.Services.GetRequiredService<IndexStatusService>().GetAsync(10, default)).DamagedItems.ShouldBe(1);
    }

    [Fact]
    public async Task Jobs_run_on_a_dedicated_low_priority_worker_thread()
    {
        await using var f = await PipelineFixture.CreateAsync(settings: new() { ["Indexing:LowerWorkerPriority"] = "true" });
        f.Write("a.jpg");
        await f.WaitIndexedAsync("a.jpg");

        f.Analyzer.LastThread.ThreadName.ShouldBe("folderprism-index-0");
        if (OperatingSystem.IsLinux())
        {
            f.Analyzer.LastThread.Nice.ShouldBe(10);
        }
    }

    [Fact]
    public async Task Runnable_jobs_are_pending_due_and_not_excluded_in_kind_then_id_order()
    {
        await using var f = await PipelineFixture.CreateAsync(start: false);
        var now = DateTimeOffset.UtcNow;
        var ids = await f.QueryAsync(async db =>
        {
            var jobs = new List<IndexJob>();
            foreach (var (kind, state, notBefore) in new[]
                     {
                         (JobKind.Derivatives, JobState.Pending, now.AddMinutes(-1)), // 0: due
                         (JobKind.Analyze, JobState.Pending, now.AddMinutes(-1)),     // 1: due, sorts first
                         (JobKind.Analyze, JobState.Pending, now.AddHours(1)),        // 2: backing off
                         (JobKind.Analyze, JobState.Started, now.AddMinutes(-1)),     // 3: running
                         (JobKind.Labels, JobState.Pending, now.AddMinutes(-1)),      // 4: due, excluded below
                         (JobKind.Faces, JobState.Quarantined, now.AddMinutes(-1)),   // 5: quarantined
                     })
            {
                var item = new MediaItem
                {
                    Id = Guid.CreateVersion7(), RelativePath = $"{jobs.Count}.jpg", ModifiedUtc = now.UtcDateTime, FirstSeenAt = now,
                };
                db.MediaItems.Add(item);
                var job = new IndexJob { ItemId = item.Id, Kind = kind, State = state, NotBefore = notBefore, CreatedAt = now };
                db.IndexJobs.Add(job);
                jobs.Add(job);
            }

            await db.SaveChangesAsync();
            return jobs.Select(j => j.Id).ToList();
        });
        var queue = f.Services.GetRequiredService<JobQueue>();

        (await queue.ListRunnableAsync(10, [ids[4]], ignoreBackoff: false, CancellationToken.None))
            .ShouldBe([ids[1], ids[0]]);
        (await queue.ListRunnableAsync(10, [], ignoreBackoff: true, CancellationToken.None))
            .ShouldBe([ids[1], ids[2], ids[0], ids[4]]);
        (await queue.ListRunnableAsync(1, [], ignoreBackoff: false, CancellationToken.None)).ShouldBe([ids[1]]);
    }

    /// <summary>Puts the database in the state a crash during analysis leaves: item known, its job marked started.</summary>
    private static async Task<Guid> SimulateCrashedJobAsync(PipelineFixture f, string relative, int attempts)
    {
        var info = new FileInfo(f.Full(relative));
        var item = new MediaItem
        {
            Id = Guid.CreateVersion7(), RelativePath = relative, Size = info.Length, ModifiedUtc = info.LastWriteTimeUtc,
            FirstSeenAt = DateTimeOffset.UtcNow,
        };
        await f.QueryAsync(async db =>
        {
            db.MediaItems.Add(item);
            db.IndexJobs.Add(new IndexJob
            {
                ItemId = item.Id, Kind = JobKind.Analyze, State = JobState.Started, Attempts = attempts,
                StartedAt = DateTimeOffset.UtcNow, NotBefore = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        return item.Id;
    }
}
