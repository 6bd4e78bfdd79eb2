namespace FolderPrism.Views.Sidecars;

/// <summary>One MWG face area: centre and size, normalised, relative to the stored (not rotated) pixels.</summary>
internal sealed record SidecarRegion(string? Name, double X, double Y, double Width, double Height)
{
    /// <summary>
    /// Turns an upright top-left rectangle (as the index keeps faces) back into stored-pixel MWG coordinates for EXIF
    /// orientation 1–8: the exact inverse of the indexer's FaceRegionReader (6 and 8 invert each other, the rest are
    /// their own inverse).
    /// </summary>
    public static SidecarRegion FromUpright(string? name, double x, double y, double w, double h, int? orientation)
    {
        var (sx, sy, sw, sh) = orientation switch
        {
            2 => (1 - x - w, y, w, h),
            3 => (1 - x - w, 1 - y - h, w, h),
            4 => (x, 1 - y - h, w, h),
            5 => (y, x, h, w),
            6 => (y, 1 - x - w, h, w),
            7 => (1 - y - h, 1 - x - w, h, w),
            8 => (1 - y - h, x, h, w),
            _ => (x, y, w, h),
        };
        return new SidecarRegion(name, sx + (sw / 2), sy + (sh / 2), sw, sh);
    }
}
