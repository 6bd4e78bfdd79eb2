using FolderPrism.Core.Media;

namespace FolderPrism.Core.Tests.Media;

public sealed class DateResolverTests
{
    private static readonly DateTime NowUtc = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime ExifTime = new(2019, 3, 12, 14, 23, 1, 250);

    private static DateEvidence All() => new()
    {
        ExifLocal = ExifTime,
        ExifOffset = TimeSpan.FromHours(1),
        XmpLocal = new DateTime(2018, 1, 1, 10, 0, 0),
        TakeoutUtc = new DateTime(2017, 1, 1, 10, 0, 0, DateTimeKind.Utc),
        VideoUtc = new DateTime(2016, 1, 1, 10, 0, 0, DateTimeKind.Utc),
        FileName = "IMG_20150101_101010.jpg",
        FileTimeUtc = new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public void Exif_wins_and_keeps_subseconds_and_offset()
    {
        var date = DateResolver.Resolve(All(), NowUtc);

        date.ShouldNotBeNull();
        date.Source.ShouldBe(DateSource.Exif);
        date.Confidence.ShouldBe(DateConfidence.High);
        date.Local.ShouldBe(ExifTime);
        date.Offset.ShouldBe(TimeSpan.FromHours(1));
        date.UtcOrLocal.ShouldBe(new DateTime(2019, 3, 12, 13, 23, 1, 250, DateTimeKind.Utc));
    }

    [Fact]
    public void Each_source_wins_when_the_stronger_ones_are_missing()
    {
        var e = All();
        DateResolver.Resolve(e with { ExifLocal = null, ExifOffset = null }, NowUtc)!.Source.ShouldBe(DateSource.Xmp);

        e = e with { ExifLocal = null, ExifOffset = null, XmpLocal = null };
        var takeout = DateResolver.Resolve(e, NowUtc)!;
        takeout.Source.ShouldBe(DateSource.Takeout);
        takeout.Confidence.ShouldBe(DateConfidence.Medium);

        e = e with { TakeoutUtc = null };
        DateResolver.Resolve(e, NowUtc)!.Source.ShouldBe(DateSource.Video);

        e = e with { VideoUtc = null };
        var byName = DateResolver.Resolve(e, NowUtc)!;
        byName.Source.ShouldBe(DateSource.FileName);
        byName.Local.ShouldBe(new DateTime(2015, 1, 1, 10, 10, 10));
        byName.Confidence.ShouldBe(DateConfidence.Medium);

        e = e with { FileName = "DSC_0001.JPG" };
        var byMtime = DateResolver.Resolve(e, NowUtc)!;
        byMtime.Source.ShouldBe(DateSource.FileTime);
        byMtime.Confidence.ShouldBe(DateConfidence.Low);

        DateResolver.Resolve(e with { FileTimeUtc = null }, NowUtc).ShouldBeNull();
    }

    [Fact]
    public void Takeout_instant_uses_the_offset_stated_by_the_file()
    {
        var e = new DateEvidence
        {
            ExifOffset = TimeSpan.FromHours(2), // offset tag present but no usable date
            TakeoutUtc = new DateTime(2020, 7, 31, 23, 30, 0, DateTimeKind.Utc),
        };

        var date = DateResolver.Resolve(e, NowUtc)!;

        date.Source.ShouldBe(DateSource.Takeout);
        date.Local.ShouldBe(new DateTime(2020, 8, 1, 1, 30, 0)); // filed under August, as the camera saw it
        date.Offset.ShouldBe(TimeSpan.FromHours(2));
        date.UtcOrLocal.ShouldBe(new DateTime(2020, 7, 31, 23, 30, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Takeout_instant_without_offset_stays_utc_or_uses_the_fallback_zone()
    {
        var e = new DateEvidence { TakeoutUtc = new DateTime(2020, 7, 31, 23, 30, 0, DateTimeKind.Utc) };

        var utc = DateResolver.Resolve(e, NowUtc)!;
        utc.Local.ShouldBe(new DateTime(2020, 7, 31, 23, 30, 0));
        utc.Offset.ShouldBe(TimeSpan.Zero);

        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var local = DateResolver.Resolve(e, NowUtc, tokyo)!;
        local.Local.ShouldBe(new DateTime(2020, 8, 1, 8, 30, 0));
        local.Offset.ShouldBe(TimeSpan.FromHours(9));
    }

    [Fact]
    public void Apple_video_creationdate_with_offset_beats_utc_creation_time()
    {
        var e = new DateEvidence
        {
            VideoLocal = new DateTime(2021, 6, 1, 20, 0, 0),
            VideoOffset = TimeSpan.FromHours(-4),
            VideoUtc = new DateTime(2021, 6, 2, 0, 0, 0, DateTimeKind.Utc),
        };

        var date = DateResolver.Resolve(e, NowUtc)!;

        date.Source.ShouldBe(DateSource.Video);
        date.Local.ShouldBe(new DateTime(2021, 6, 1, 20, 0, 0));
        date.Confidence.ShouldBe(DateConfidence.High);
    }

    [Fact]
    public void Implausible_dates_fall_through_to_weaker_sources()
    {
        var e = new DateEvidence
        {
            ExifLocal = new DateTime(1850, 1, 1),
            XmpLocal = new DateTime(2099, 1, 1),
            TakeoutUtc = DateTime.SpecifyKind(new DateTime(2030, 1, 1), DateTimeKind.Utc),
            FileName = "IMG-20180505-WA0003.jpg",
        };

        var date = DateResolver.Resolve(e, NowUtc)!;

        date.Source.ShouldBe(DateSource.FileName);
        date.Local.ShouldBe(new DateTime(2018, 5, 5));
        date.Confidence.ShouldBe(DateConfidence.Low); // date only
    }
}
