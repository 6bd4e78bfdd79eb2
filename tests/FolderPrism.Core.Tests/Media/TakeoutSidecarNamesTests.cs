using FolderPrism.Core.Media;

namespace FolderPrism.Core.Tests.Media;

public sealed class TakeoutSidecarNamesTests
{
    [Theory]
    [InlineData("IMG_1234.jpg", "IMG_1234.jpg.json")]
    [InlineData("IMG_1234.jpg", "IMG_1234.jpg.supplemental-metadata.json")]
    [InlineData("IMG_20190312_142301.jpg", "IMG_20190312_142301.jpg.supplemental-metad.json")]
    [InlineData("IMG_20190312_142301.jpg", "IMG_20190312_142301.jpg.supplemental-meta.json")]
    [InlineData("IMG_1234.jpg", "IMG_1234.jpg.suppl.json")]
    [InlineData("IMG_1234(1).jpg", "IMG_1234.jpg(1).json")]
    [InlineData("IMG_1234(1).jpg", "IMG_1234.jpg.supplemental-metadata(1).json")]
    [InlineData("IMG_1234-edited.jpg", "IMG_1234.jpg.json")]
    [InlineData("IMG_1234-edited.jpg", "IMG_1234.jpg.supplemental-metadata.json")]
    [InlineData("IMG_1234-bearbeitet.jpg", "IMG_1234.jpg.json")]
    [InlineData("IMG_1234.jpg", "IMG_1234.json")]
    public void Contains_the_takeout_variant(string media, string json)
    {
        TakeoutSidecarNames.Candidates(media).ShouldContain(json);
    }

    [Fact]
    public void Long_names_are_truncated_to_46_and_47_characters_before_json()
    {
        const string media = "Screenshot_20200101-101010_Some_Very_Long_Application_Name.png"; // 62 characters
        var candidates = TakeoutSidecarNames.Candidates(media);

        candidates.ShouldContain(media[..46] + ".json");
        candidates.ShouldContain(media[..47] + ".json");
        candidates.ShouldAllBe(c => c.EndsWith(".json", StringComparison.Ordinal));
        candidates.Where(c => c.Length <= 52).ShouldNotBeEmpty();
    }

    [Fact]
    public void Supplemental_metadata_is_cut_to_fit_51_characters()
    {
        const string media = "PXL_20210704_183012345.NIGHT.jpg"; // 32 characters
        var json = (media + ".supplemental-metadata")[..46] + ".json";

        json.Length.ShouldBe(51);
        TakeoutSidecarNames.Candidates(media).ShouldContain(json);
    }

    [Fact]
    public void Plain_name_comes_first_and_there_are_no_duplicates()
    {
        var candidates = TakeoutSidecarNames.Candidates("/takeout/Photos from 2019/IMG_1.jpg");

        candidates[0].ShouldBe("IMG_1.jpg.json");
        candidates.Count.ShouldBe(candidates.Distinct().Count());
    }
}
