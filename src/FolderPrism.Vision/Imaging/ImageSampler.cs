namespace FolderPrism.Vision.Imaging;

/// <summary>
/// Fills a model input (NHWC float, 3 channels) from a region of an <see cref="RgbImage"/> through a similarity
/// transform (scale, rotation, translation). When shrinking, each output pixel averages a k×k grid of bilinear taps
/// (k = ceil(scale)) so small faces in large photos are not lost to aliasing. Outside the image reads as black.
/// </summary>
internal static class ImageSampler
{
    /// <summary>Source point for output pixel (x, y): src = origin + x·ux + y·vx (and likewise for y).</summary>
    public readonly record struct Transform(double OriginX, double OriginY, double Ux, double Uy, double Vx, double Vy)
    {
        public double Scale => Math.Sqrt((Ux * Ux) + (Uy * Uy));

        public (double X, double Y) Map(double x, double y) => (OriginX + (x * Ux) + (y * Vx), OriginY + (x * Uy) + (y * Vy));

        /// <summary>Axis-aligned: output pixel (x, y) covers source [left + x·s, top + y·s].</summary>
        public static Transform Axis(double left, double top, double scale) => new(left, top, scale, 0, 0, scale);
    }

    public static void Sample(RgbImage image, Transform t, int width, int height, Span<float> output, float mul, float add)
    {
        var taps = Math.Clamp((int)Math.Ceiling(t.Scale - 0.01), 1, 16);
        if (taps == 1 && t.Uy == 0 && t.Vx == 0)
        {
            SampleAxisAligned(image, t, width, height, output, mul, add);
            return;
        }

        SampleTaps(image, t, width, height, output, mul, add);
    }

    /// <summary>The general path: any similarity transform, k×k bilinear taps per output pixel.</summary>
    internal static void SampleTaps(RgbImage image, Transform t, int width, int height, Span<float> output, float mul, float add)
    {
        var taps = Math.Clamp((int)Math.Ceiling(t.Scale - 0.01), 1, 16);
        var inv = 1.0 / taps;
        Span<float> acc = stackalloc float[3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                acc.Clear();
                for (var sy = 0; sy < taps; sy++)
                {
                    for (var sx = 0; sx < taps; sx++)
                    {
                        // Pixel centres: output (x+½) maps to source (sx+½) in continuous coordinates.
                        var (px, py) = t.Map(x + ((sx + 0.5) * inv), y + ((sy + 0.5) * inv));
                        if (px >= 0 && py >= 0 && px < image.Width && py < image.Height)
                        {
                            Bilinear(image, px - 0.5, py - 0.5, acc);
                        }
                    }
                }

                var o = ((y * width) + x) * 3;
                var n = 1f / (taps * taps);
                output[o] = (acc[0] * n * mul) + add;
                output[o + 1] = (acc[1] * n * mul) + add;
                output[o + 2] = (acc[2] * n * mul) + add;
            }
        }
    }

    /// <summary>
    /// The same single-tap bilinear sampling for the common axis-aligned case (detector passes, CenterNet), separable:
    /// source columns, rows and weights are computed once per column and row instead of per pixel and channel, which
    /// makes filling a model input a few times cheaper than the general path.
    /// </summary>
    internal static void SampleAxisAligned(RgbImage image, Transform t, int width, int height, Span<float> output, float mul, float add)
    {
        var cols = Axis(width, t.OriginX, t.Ux, image.Width);
        var rows = Axis(height, t.OriginY, t.Vy, image.Height);
        var pixels = image.Pixels;
        var stride = image.Width * 3;
        for (var y = 0; y < height; y++)
        {
            var (ra, rb, fy, rowInside) = rows[y];
            var o = y * width * 3;
            for (var x = 0; x < width; x++, o += 3)
            {
                var (ca, cb, fx, colInside) = cols[x];
                if (!rowInside || !colInside)
                {
                    output[o] = add;
                    output[o + 1] = add;
                    output[o + 2] = add;
                    continue;
                }

                int i00 = (ra * stride) + (ca * 3), i10 = (ra * stride) + (cb * 3), i01 = (rb * stride) + (ca * 3), i11 = (rb * stride) + (cb * 3);
                for (var c = 0; c < 3; c++)
                {
                    var top = (pixels[i00 + c] * (1 - fx)) + (pixels[i10 + c] * fx);
                    var bottom = (pixels[i01 + c] * (1 - fx)) + (pixels[i11 + c] * fx);
                    output[o + c] = (((top * (1 - fy)) + (bottom * fy)) * mul) + add;
                }
            }
        }
    }

    /// <summary>Per output index along one axis: the two source indices (clamped), the weight of the second, and
    /// whether the sample point lies inside the image (outside reads as black).</summary>
    private static (int A, int B, float F, bool Inside)[] Axis(int count, double origin, double step, int extent)
    {
        var axis = new (int, int, float, bool)[count];
        for (var i = 0; i < count; i++)
        {
            var p = origin + ((i + 0.5) * step);
            var b = p - 0.5;
            var a0 = (int)Math.Floor(b);
            axis[i] = (Math.Clamp(a0, 0, extent - 1), Math.Clamp(a0 + 1, 0, extent - 1), (float)(b - a0), p >= 0 && p < extent);
        }

        return axis;
    }

    private static void Bilinear(RgbImage image, double x, double y, Span<float> acc)
    {
        var x0 = (int)Math.Floor(x);
        var y0 = (int)Math.Floor(y);
        var fx = (float)(x - x0);
        var fy = (float)(y - y0);
        for (var c = 0; c < 3; c++)
        {
            var top = (Pixel(image, x0, y0, c) * (1 - fx)) + (Pixel(image, x0 + 1, y0, c) * fx);
            var bottom = (Pixel(image, x0, y0 + 1, c) * (1 - fx)) + (Pixel(image, x0 + 1, y0 + 1, c) * fx);
            acc[c] += (top * (1 - fy)) + (bottom * fy);
        }
    }

    private static float Pixel(RgbImage image, int x, int y, int c)
    {
        x = Math.Clamp(x, 0, image.Width - 1);
        y = Math.Clamp(y, 0, image.Height - 1);
        return image.Pixels[(((y * image.Width) + x) * 3) + c];
    }
}
