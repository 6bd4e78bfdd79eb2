namespace FolderPrism.Vision.Objects;

/// <summary>
/// Maps everyday search words onto COCO labels (puppy → dog, automobile → car), so <c>Search/puppy</c> finds
/// photos labelled dog. Unknown words map to themselves; matching is case-insensitive.
/// </summary>
public static class LabelSynonyms
{
    private static readonly Dictionary<string, string> Map = new(StringComparer.OrdinalIgnoreCase)
    {
        ["people"] = "person", ["man"] = "person", ["woman"] = "person", ["men"] = "person", ["women"] = "person",
        ["child"] = "person", ["children"] = "person", ["kid"] = "person", ["kids"] = "person", ["baby"] = "person",
        ["human"] = "person", ["boy"] = "person", ["girl"] = "person",
        ["bike"] = "bicycle", ["cycle"] = "bicycle",
        ["automobile"] = "car", ["auto"] = "car", ["cars"] = "car", ["vehicle"] = "car",
        ["motorbike"] = "motorcycle", ["scooter"] = "motorcycle",
        ["plane"] = "airplane", ["aeroplane"] = "airplane", ["aircraft"] = "airplane", ["jet"] = "airplane",
        ["coach"] = "bus", ["lorry"] = "truck", ["ship"] = "boat", ["sailboat"] = "boat", ["yacht"] = "boat",
        ["puppy"] = "dog", ["puppies"] = "dog", ["dogs"] = "dog", ["doggy"] = "dog",
        ["kitten"] = "cat", ["kitty"] = "cat", ["cats"] = "cat",
        ["pony"] = "horse", ["horses"] = "horse", ["lamb"] = "sheep", ["cattle"] = "cow", ["calf"] = "cow",
        ["birds"] = "bird", ["teddy"] = "teddy bear",
        ["sofa"] = "couch", ["settee"] = "couch", ["table"] = "dining table",
        ["television"] = "tv", ["telly"] = "tv", ["monitor"] = "tv",
        ["phone"] = "cell phone", ["mobile"] = "cell phone", ["smartphone"] = "cell phone", ["cellphone"] = "cell phone",
        ["notebook"] = "laptop", ["computer"] = "laptop", ["fridge"] = "refrigerator",
        ["plant"] = "potted plant", ["houseplant"] = "potted plant",
        ["ball"] = "sports ball", ["football"] = "sports ball", ["soccer"] = "sports ball",
        ["glass"] = "wine glass", ["mug"] = "cup", ["doughnut"] = "donut", ["hotdog"] = "hot dog",
        ["bag"] = "handbag", ["purse"] = "handbag", ["luggage"] = "suitcase", ["rucksack"] = "backpack",
        ["books"] = "book", ["hairdryer"] = "hair drier", ["hair dryer"] = "hair drier",
    };

    /// <summary>The COCO label a search word stands for (or the word itself, lower-cased).</summary>
    public static string Resolve(string word)
    {
        var w = word.Trim();
        return Map.TryGetValue(w, out var label) ? label : w.ToLowerInvariant();
    }
}
