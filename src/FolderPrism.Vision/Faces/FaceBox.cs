namespace FolderPrism.Vision.Faces;

/// <summary>An axis-aligned rectangle in pixels of the upright image (EXIF orientation applied).</summary>
public readonly record struct FaceBox(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public double CenterX => X + (Width / 2);

    public double CenterY => Y + (Height / 2);

    public double Area => Math.Max(0, Width) * Math.Max(0, Height);

    public double Intersection(FaceBox o) =>
        Math.Max(0, Math.Min(Right, o.Right) - Math.Max(X, o.X)) * Math.Max(0, Math.Min(Bottom, o.Bottom) - Math.Max(Y, o.Y));

    public double IoU(FaceBox o)
    {
        var inter = Intersection(o);
        return inter <= 0 ? 0 : inter / (Area + o.Area - inter);
    }

    public FaceBox Scale(double s) => new(X * s, Y * s, Width * s, Height * s);
}
