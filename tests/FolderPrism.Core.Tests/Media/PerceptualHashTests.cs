using FolderPrism.Core.Media;

namespace FolderPrism.Core.Tests.Media;

public sealed class PerceptualHashTests
{
    private static byte[] Grid(Func<int, int, double> f)
    {
        var grid = new byte[PerceptualHash.GridSize * PerceptualHash.GridSize];
        for (var y = 0; y < PerceptualHash.GridSize; y++)
        {
            for (var x = 0; x < PerceptualHash.GridSize; x++)
            {
                grid[(y * PerceptualHash.GridSize) + x] = (byte)Math.Clamp(f(x, y), 0, 255);
            }
        }

        return grid;
    }

    [Fact]
    public void Brightness_shift_and_noise_keep_the_hash_close_and_a_different_pattern_is_far()
    {
        // A "photo": coarse random blocks (scene structure), like real images with energy spread over frequencies.
        var scene = Blocks(new Random(42));
        var random = new Random(7);
        var a = PerceptualHash.Compute(Grid((x, y) => scene[y / 4, x / 4]));
        var shifted = PerceptualHash.Compute(Grid((x, y) => scene[y / 4, x / 4] + 10 + random.Next(-3, 4)));
        var otherScene = Blocks(new Random(1234));
        var other = PerceptualHash.Compute(Grid((x, y) => otherScene[y / 4, x / 4]));

        PerceptualHash.Distance(a, shifted).ShouldBeLessThanOrEqualTo(6);
        PerceptualHash.Distance(a, other).ShouldBeGreaterThan(16);
        PerceptualHash.Distance(a, a).ShouldBe(0);
        PerceptualHash.ToHex(a).Length.ShouldBe(16);
    }

    private static double[,] Blocks(Random random)
    {
        var blocks = new double[8, 8];
        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 8; x++)
            {
                blocks[y, x] = random.Next(20, 230);
            }
        }

        return blocks;
    }

    [Fact]
    public void Wrong_grid_size_is_rejected()
    {
        Should.Throw<ArgumentException>(() => PerceptualHash.Compute(new byte[10]));
    }

    [Fact]
    public void Distance_counts_differing_bits()
    {
        PerceptualHash.Distance(0b1011UL, 0b0001UL).ShouldBe(2);
        PerceptualHash.Distance(0UL, ulong.MaxValue).ShouldBe(64);
    }
}
