using FolderPrism.Core.Media;
using FolderPrism.Indexing.Metadata;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Indexing.Import;

internal sealed partial class ImportRun
{
    /// <summary>
    /// Copies the Google Takeout JSON a photo was dated and described from next to it in <c>Originals/</c>
    /// (<c>photo.jpg.json</c>, a name the analyzer looks for). Without it every later re-read of the photo — a touched
    /// file, an edited sidecar, a rebuilt index — lost the capture time, place, description and favourite that only the
    /// JSON knew, and a photo dated 2010 jumped to the month it was copied. Copied, never moved (the source stays as the
    /// user left it), through the journal like any placed file, and after the photo, so a crash can lose only this copy
    /// and never leaves a JSON without its photo.
    /// </summary>
    private async Task CarryTakeoutJsonAsync(ImportFile photo, MediaAnalysis analysis, string target, CancellationToken cancellationToken)
    {
        var json = analysis.Sidecars.FirstOrDefault(s => Path.GetExtension(s).Equals(".json", StringComparison.OrdinalIgnoreCase));
        if (request.DryRun || json is null || !File.Exists(json))
        {
            return;
        }

        var copy = new ImportFile(json, photo.Label + " (Takeout JSON)", FromArchive: true); // FromArchive: copy, never move
        var hash = await ContentHasher.ComputeAsync(json, cancellationToken);
        var failed = await TransferAsync(copy, target + ".json", hash, new FileInfo(json).Length, analysis: null, pixels: null,
            sidecars: [], cancellationToken);
        if (failed is not null)
        {
            engine.Logger.LogWarning("Takeout JSON of {Photo} not copied beside it: {Message}", target, failed.Message);
        }
    }

    /// <summary>
    /// The Takeout JSON copied beside a photo goes with it when a better version displaces it into the holding area:
    /// left behind, it would describe nothing, or whatever photo later takes that name. Never over an existing file.
    /// </summary>
    private void MoveTakeoutJson(string displacedPhoto, string holdingPath)
    {
        var json = displacedPhoto + ".json";
        if (!File.Exists(json) || File.Exists(holdingPath + ".json"))
        {
            return;
        }

        try
        {
            File.Move(json, holdingPath + ".json", overwrite: false);
        }
        catch (IOException e)
        {
            engine.Logger.LogWarning("Takeout JSON {Json} stays beside where its displaced photo was: {Message}", json, e.Message);
        }
    }
}
