using FolderPrism.Core.Media;

namespace FolderPrism.Core.Tests.Media;

public sealed class KeywordHierarchyTests
{
    [Fact]
    public void Levels_of_hierarchical_keywords_are_not_also_flat_tags()
    {
        // What Lightroom writes for "Places|France|Paris" plus a plain "beach".
        KeywordHierarchy.FlatOnly(["Places", "France", "paris ", "beach", " ", "Sun"], ["Places|France|Paris", "Weather | Sun"])
            .ShouldBe(["beach"]);
    }

    [Fact]
    public void Without_hierarchy_every_non_blank_keyword_stays_trimmed_and_in_order()
    {
        KeywordHierarchy.FlatOnly([" Zoë", "été", "", "Beach"], []).ShouldBe(["Zoë", "été", "Beach"]);
    }
}
