using FolderPrism.Vision.Models;

namespace FolderPrism.Vision.Tests.Support;

/// <summary>Puts the models of several installed stores (already converted and checksummed) into one data folder.</summary>
internal static class ModelStores
{
    public static void Merge(string dataDirectory, params ModelStore[] sources)
    {
        var target = ModelStore.ForDataDirectory(dataDirectory);
        Directory.CreateDirectory(target.Directory);
        var models = new List<InstalledModel>();
        foreach (var source in sources)
        {
            foreach (var model in source.ReadManifest()!.Models.Where(m => models.All(x => x.Id != m.Id)))
            {
                File.Copy(Path.Combine(source.Directory, model.File), Path.Combine(target.Directory, model.File), overwrite: true);
                models.Add(model);
            }
        }

        target.WriteManifest(new ModelManifest(DateTimeOffset.UtcNow, sources[0].ReadManifest()!.ConverterVersion, models));
    }
}
