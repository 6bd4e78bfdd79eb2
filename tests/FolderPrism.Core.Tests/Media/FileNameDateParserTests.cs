using FolderPrism.Core.Media;

namespace FolderPrism.Core.Tests.Media;

public sealed class FileNameDateParserTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0);

    [Theory]
    [InlineData("IMG_20190312_142301.jpg", "2019-03-12T14:23:01.000")]
    [InlineData("VID_20190312_142301.mp4", "2019-03-12T14:23:01.000")]
    [InlineData("PXL_20210704_183012345.jpg", "2021-07-04T18:30:12.345")]
    [InlineData("PXL_20210704_183012345.MP.jpg", "2021-07-04T18:30:12.345")]
    [InlineData("Screenshot_20200101-101010.png", "2020-01-01T10:10:10.000")]
    [InlineData("Screenshot_20200101-101010_Chrome.png", "2020-01-01T10:10:10.000")]
    [InlineData("2017-05-20 14.23.01.jpg", "2017-05-20T14:23:01.000")]
    [InlineData("signal-2021-03-04-123456.jpg", "2021-03-04T12:34:56.000")]
    [InlineData("signal-2023-01-15-14-30-22-123.jpg", "2023-01-15T14:30:22.000")]
    [InlineData("20190312_142301.jpg", "2019-03-12T14:23:01.000")]
    [InlineData("Photo 2019-03-12 14 23 01.jpg", "2019-03-12T14:23:01.000")]
    [InlineData("Screenshot 2020-01-01 at 10.10.10.png", "2020-01-01T10:10:10.000")]
    [InlineData("WhatsApp Image 2020-02-03 at 21.05.07.jpeg", "2020-02-03T21:05:07.000")]
    [InlineData("PHOTO-2020-02-03-21-05-07.jpg", "2020-02-03T21:05:07.000")]
    [InlineData("2019-03-12_14-23-01.jpg", "2019-03-12T14:23:01.000")]
    [InlineData("20190312142301.jpg", "2019-03-12T14:23:01.000")]
    [InlineData("/some/dir/IMG_20190312_142301_HDR.jpg", "2019-03-12T14:23:01.000")]
    public void Parses_date_and_time(string name, string expected)
    {
        var parsed = FileNameDateParser.Parse(name, Now);

        parsed.ShouldNotBeNull();
        parsed.HasTime.ShouldBeTrue();
        parsed.Local.ToString("yyyy-MM-ddTHH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);
        parsed.Local.Kind.ShouldBe(DateTimeKind.Unspecified);
    }

    [Theory]
    [InlineData("IMG-20180505-WA0003.jpg", 2018, 5, 5)]
    [InlineData("VID-20180505-WA0012.mp4", 2018, 5, 5)]
    [InlineData("holiday 2016-08-14.jpg", 2016, 8, 14)]
    public void Parses_date_only_names(string name, int y, int m, int d)
    {
        var parsed = FileNameDateParser.Parse(name, Now);

        parsed.ShouldNotBeNull();
        parsed.HasTime.ShouldBeFalse();
        parsed.Local.ShouldBe(new DateTime(y, m, d));
    }

    [Theory]
    [InlineData("IMG_20191312_142301.jpg")] // month 13
    [InlineData("IMG_20190230_101010.jpg")] // 30 February
    [InlineData("IMG_18990312_142301.jpg")] // before 1900
    [InlineData("IMG_20990312_142301.jpg")] // future
    [InlineData("DSC_0001.JPG")]
    [InlineData("IMG_1234.jpg")]
    [InlineData("a1b2c3d4e5f6.jpg")]
    [InlineData("1234567890123456.jpg")]
    public void Rejects_impossible_or_missing_dates(string name)
    {
        FileNameDateParser.Parse(name, Now).ShouldBeNull();
    }

    [Fact]
    public void Invalid_time_keeps_the_date_only()
    {
        var parsed = FileNameDateParser.Parse("IMG_20190312_256199.jpg", Now);

        parsed.ShouldNotBeNull();
        parsed.HasTime.ShouldBeFalse();
        parsed.Local.ShouldBe(new DateTime(2019, 3, 12));
    }
}
