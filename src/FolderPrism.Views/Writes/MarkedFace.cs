namespace FolderPrism.Views.Writes;

/// <summary>What a manual mark stored: the face row, its box in upright original pixels, the person and whether it got a descriptor.</summary>
internal sealed record MarkedFace(long FaceId, string Person, int[] Box, bool Embedded);
