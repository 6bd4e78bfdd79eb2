using System.Diagnostics;
using NetVips;

namespace FolderPrism.Vision.Tests.Support;

/// <summary>Makes real image files for detection tests with libvips (and exiftool for EXIF orientation).</summary>
internal static class ImageVariants
{
    public static string Downscaled(string source, string target, double factor)
    {
        using var img = Image.NewFromFile(source);
        using var small = img.Resize(factor);
        small.WriteToFile(target);
        return target;
    }

    public static string Cropped(string source, string target, int left, int top, int width, int height)
    {
        using var img = Image.NewFromFile(source);
        using var crop = img.Crop(left, top, width, height);
        crop.WriteToFile(target);
        return target;
    }

    public static string Mirrored(string source, string target)
    {
        using var img = Image.NewFromFile(source);
        using var flipped = img.FlipHor();
        flipped.WriteToFile(target);
        return target;
    }

    public static string Brightness(string source, string target, double add)
    {
        using var img = Image.NewFromFile(source);
        using var shifted = img.Linear([1.0], [add]);
        using var cast = shifted.Cast(Enums.BandFormat.Uchar);
        cast.WriteToFile(target);
        return target;
    }

    /// <summary>Pixels stored rotated 90° anticlockwise with EXIF Orientation=6, so the upright image is the original.</summary>
    public static string ExifRotated(string source, string target)
    {
        using var img = Image.NewFromFile(source);
        using var rotated = img.Rot270();
        rotated.WriteToFile(target);
        Run("exiftool", "-overwrite_original", "-n", "-Orientation=6", target);
        return target;
    }

    /// <summary>A face-free "landscape": sky gradient, hills, sun, seeded noise.</summary>
    public static string Landscape(string target, int seed, int width = 1600, int height = 1000)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height * 3];
        var horizon = height * (0.45 + (random.NextDouble() * 0.2));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var hill = horizon + (Math.Sin((x * 0.004) + seed) * height * 0.08) + (Math.Sin(x * 0.013) * height * 0.02);
                var noise = random.Next(-12, 12);
                byte r, g, b;
                if (y < hill)
                {
                    var t = y / hill;
                    (r, g, b) = ((byte)(90 + (t * 100)), (byte)(150 + (t * 70)), 235);
                }
                else
                {
                    var t = (y - hill) / (height - hill);
                    (r, g, b) = ((byte)(60 + (t * 50)), (byte)(120 - (t * 40)), (byte)(40 + (t * 20)));
                }

                var i = ((y * width) + x) * 3;
                pixels[i] = (byte)Math.Clamp(r + noise, 0, 255);
                pixels[i + 1] = (byte)Math.Clamp(g + noise, 0, 255);
                pixels[i + 2] = (byte)Math.Clamp(b + noise, 0, 255);
            }
        }

        var (sx, sy, sr) = (width / 5, height / 6, height / 14);
        for (var y = Math.Max(0, sy - sr); y < sy + sr; y++)
        {
            for (var x = Math.Max(0, sx - sr); x < sx + sr; x++)
            {
                if (((x - sx) * (x - sx)) + ((y - sy) * (y - sy)) <= sr * sr)
                {
                    var i = ((y * width) + x) * 3;
                    (pixels[i], pixels[i + 1], pixels[i + 2]) = (255, 230, 120);
                }
            }
        }

        using var img = Image.NewFromMemory(pixels, width, height, 3, Enums.BandFormat.Uchar);
        img.WriteToFile(target);
        return target;
    }

    private static void Run(string tool, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"{tool} did not start");
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed: {p.StandardError.ReadToEnd()}");
        }
    }
}
