namespace FolderPrism.Vision.Tests.Support;

/// <summary>
/// A library of the three-faces sample as three photos (original, mirrored, brighter) in <c>Originals/2020</c>: each of
/// the three people is seen three times, enough for the clusterer's <c>MinFaces</c> to make them folders.
/// </summary>
internal sealed record ThreeFacesLibrary(string Library, string Data, string Originals)
{
    public static ThreeFacesLibrary Create(TempDir temp)
    {
        var library = temp.File("library");
        var data = temp.File("data");
        var originals = Path.Combine(library, "Originals", "2020");
        Directory.CreateDirectory(originals);
        File.Copy(SamplePhotos.ThreeFaces, Path.Combine(originals, "a-original.jpg"));
        ImageVariants.Mirrored(SamplePhotos.ThreeFaces, Path.Combine(originals, "b-mirrored.jpg"));
        ImageVariants.Brightness(SamplePhotos.ThreeFaces, Path.Combine(originals, "c-bright.jpg"), 30);
        return new ThreeFacesLibrary(library, data, originals);
    }
}
