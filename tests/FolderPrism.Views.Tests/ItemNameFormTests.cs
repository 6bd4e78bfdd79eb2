using FolderPrism.Views.Items;
using FolderPrism.Views.Naming;

namespace FolderPrism.Views.Tests;

/// <summary>
/// Item names in exact form, for the usual names (built in one step) and the ones the general steps settle (no or odd
/// extension, characters to replace, non-ASCII, over the byte limit, collisions).
/// </summary>
public sealed class ItemNameFormTests
{
    [Theory]
    [InlineData("2019/IMG_1005.JPG", "2019-06-21 12.00.00 IMG_1005.JPG")]
    [InlineData("a/b/c/photo.final.jpeg", "2019-06-21 12.00.00 photo.final.jpeg")]
    [InlineData("IMG_1005", "2019-06-21 12.00.00 IMG_1005_")] // no extension: the general steps' form
    [InlineData("x/clip.", "2019-06-21 12.00.00 clip_")]
    [InlineData("x/clip. ", "2019-06-21 12.00.00 clip__")]
    [InlineData("x/.hidden", "2019-06-21 12.00.00 .hidden_")]
    [InlineData("x/a:b?.jpg", "2019-06-21 12.00.00 a_b_.jpg")]
    [InlineData("x/tab\tname.jpg", "2019-06-21 12.00.00 tab_name.jpg")]
    [InlineData("x/Fête.jpg", "2019-06-21 12.00.00 Fête.jpg")]
    [InlineData("x/Fe\u0302te.jpg", "2019-06-21 12.00.00 Fête.jpg")] // NFC
    [InlineData("x/name.verylongextension", "2019-06-21 12.00.00 name.verylongextension_")]
    public void Names_have_the_view_form(string relativePath, string expected) =>
        ItemNames.Base(new DateTime(2019, 6, 21, 12, 0, 0, 500), relativePath).ShouldBe(expected);

    [Fact]
    public void Early_years_and_every_field_are_zero_padded() =>
        ItemNames.Base(new DateTime(987, 1, 2, 3, 4, 5), "a.jpg").ShouldBe("0987-01-02 03.04.05 a.jpg");

    [Fact]
    public void Long_names_are_cut_to_255_bytes_keeping_the_extension()
    {
        var name = ItemNames.Base(new DateTime(2019, 6, 21), "x/" + new string('a', 240) + ".jpg");
        System.Text.Encoding.UTF8.GetByteCount(name).ShouldBe(255);
        name.ShouldStartWith("2019-06-21 00.00.00 aaa");
        name.ShouldEndWith("a.jpg");
    }

    [Fact]
    public void Colliding_names_in_one_second_get_the_id_of_the_later_seen()
    {
        var taken = new DateTime(2019, 6, 21, 12, 0, 0);
        var first = Entry("11111111-0000-4000-8000-000000000001", "a/IMG_1.JPG", taken, 1);
        var second = Entry("22222222-0000-4000-8000-000000000002", "b/img_1.jpg", taken.AddMilliseconds(10), 2);
        var other = Entry("33333333-0000-4000-8000-000000000003", "c/IMG_2.JPG", taken, 3);

        var names = ItemNames.Assign([second, other, first]).Select(n => n.Name).ToList();

        names.ShouldBe(["2019-06-21 12.00.00 img_1 ~22222222.jpg", "2019-06-21 12.00.00 IMG_2.JPG", "2019-06-21 12.00.00 IMG_1.JPG"]);
    }

    private static ViewEntry Entry(string id, string path, DateTime taken, int seen) =>
        new(Guid.Parse(id), path, 1, taken, null, null, new DateTimeOffset(2020, 1, 1, 0, 0, seen, TimeSpan.Zero));
}
