namespace FolderPrism.Views.Items;

/// <summary>
/// Where the index stands, per domain: <see cref="Library"/> moves with every commit to anything but vision data
/// (items, tags, albums, …) and <see cref="Vision"/> with every commit to faces, people, labels and vision states.
/// Both only grow.
/// </summary>
internal readonly record struct IndexVersion(long Library, long Vision);
