using FolderPrism.Vision.Converter.Install;
using FolderPrism.Vision.Library;
using FolderPrism.Vision.Models;
using FolderPrism.Vision.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Vision.Tests.Library;

/// <summary>
/// The daemon's vision worker with two threads steps down to <c>Vision:Worker:ParallelismWhileServing</c> photos at
/// once while serving is active, so requests find a free core; with no request it uses both threads. Concurrency is
/// read from <see cref="ServingActivity.VisionRunning"/> while real photos are analysed with the installed models.
/// </summary>
public sealed class ServingStepDownTests(InstalledModelsFixture models) : IClassFixture<InstalledModelsFixture>, IDisposable
{
    private const int Photos = 8;
    private readonly TempDir _temp = new();

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    public async Task Worker_analyses_one_photo_at_a_time_while_serving_is_active(bool served, int expectedMostAtOnce)
    {
        var library = _temp.File("library");
        var data = _temp.File("data");
        var originals = Path.Combine(library, "Originals", "2020");
        Directory.CreateDirectory(originals);
        for (var i = 0; i < Photos; i++)
        {
            ImageVariants.Brightness(SamplePhotos.ThreeFaces, Path.Combine(originals, $"p{i}.jpg"), i * 3);
        }

        await new VisionModelInstaller(ModelStore.ForDataDirectory(data)).InstallAsync(models.Store.Directory, null, DaemonWait.Timeout);
        var settings = VisionDaemon.FastWorker();
        settings["Vision:Worker:Parallelism"] = "2";
        settings["Vision:Worker:ParallelismWhileServing"] = "1";
        settings["Vision:Worker:PauseAfterRequest"] = "00:00:00";
        settings["Vision:Worker:ServingWindow"] = "00:10:00";
        settings["Vision:Worker:BatchSize"] = "4"; // helpers are started per batch: the step-down must hold across batches
        var daemon = await VisionDaemon.StartAsync(library, data, settings, DaemonWait.Timeout);
        try
        {
            if (served)
            {
                // One listing while the index is still making thumbnails: vision has not started a photo yet.
                using var request = new HttpRequestMessage(new HttpMethod("PROPFIND"), "/") { Headers = { { "Depth", "1" } } };
                using var response = await daemon.Http.SendAsync(request, DaemonWait.Timeout);
                response.IsSuccessStatusCode.ShouldBeTrue();
            }

            var activity = daemon.App.Services.GetRequiredService<ServingActivity>();
            using var stop = new CancellationTokenSource();
            var mostAtOnce = 0;
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    mostAtOnce = Math.Max(mostAtOnce, activity.VisionRunning);
                    await Task.Delay(1);
                }
            });
            await DaemonWait.ForAsync(daemon.Contexts, async db => await db.VisionStates.CountAsync(v => v.Error == null, DaemonWait.Timeout) == Photos, $"{Photos} photos analysed");
            await stop.CancelAsync();
            await sampler;

            mostAtOnce.ShouldBe(expectedMostAtOnce);
        }
        finally
        {
            await daemon.DisposeAsync();
        }
    }

    public void Dispose() => _temp.Dispose();
}
