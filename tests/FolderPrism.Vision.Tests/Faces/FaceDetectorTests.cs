using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Imaging;
using FolderPrism.Vision.Tests.Support;
using Xunit.Abstractions;

namespace FolderPrism.Vision.Tests.Faces;

/// <summary>Detection on real photos and on variants the test makes; none on generated face-free images.</summary>
public sealed class FaceDetectorTests(InstalledModelsFixture models, ITestOutputHelper output) : IClassFixture<InstalledModelsFixture>, IDisposable
{
    /// <summary>Face centres in faces.jpg (600×346), checked by eye: left man, middle man, right man.</summary>
    private static readonly (double X, double Y)[] ThreeFaceCentres = [(91, 141), (275, 191), (502, 112)];

    private readonly VisionSessions _sessions = new(models.Store);
    private readonly TempDir _temp = new();

    private IReadOnlyList<DetectedFace> Detect(string path, FaceDetectionOptions? options = null)
    {
        var faces = new FaceDetector(_sessions, options ?? new FaceDetectionOptions()).Detect(VisionImageLoader.Load(path), CancellationToken.None);
        foreach (var f in faces.OrderBy(f => f.Box.X))
        {
            output.WriteLine($"{Path.GetFileName(path)}: [{f.Box.X:F0}, {f.Box.Y:F0}, {f.Box.Width:F0}, {f.Box.Height:F0}] score {f.Score:F2}");
        }

        return faces;
    }

    private static void ShouldMatch(IReadOnlyList<DetectedFace> faces, IEnumerable<(double X, double Y)> expected, double tolerance)
    {
        var centres = expected.ToList();
        faces.Count.ShouldBe(centres.Count);
        foreach (var (x, y) in centres)
        {
            faces.ShouldContain(f => Math.Abs(f.Box.CenterX - x) < tolerance && Math.Abs(f.Box.CenterY - y) < tolerance, $"a face near ({x:F0}, {y:F0})");
        }
    }

    [Fact]
    public void Finds_the_three_faces_with_landmarks_inside_their_boxes()
    {
        var faces = Detect(SamplePhotos.ThreeFaces);
        ShouldMatch(faces, ThreeFaceCentres, 25);
        foreach (var f in faces)
        {
            f.Score.ShouldBeGreaterThan(0.8);
            f.Landmarks.Count.ShouldBe(6);
            f.Landmarks.Take(4).ShouldAllBe(p => p.X >= f.Box.X && p.X <= f.Box.Right && p.Y >= f.Box.Y && p.Y <= f.Box.Bottom);
        }
    }

    [Fact]
    public void Downscaled_photo_gives_the_same_faces_in_original_pixels_of_the_smaller_file()
    {
        var faces = Detect(ImageVariants.Downscaled(SamplePhotos.ThreeFaces, _temp.File("small.jpg"), 0.5));
        ShouldMatch(faces, ThreeFaceCentres.Select(c => (c.X / 2, c.Y / 2)), 15);
    }

    [Fact]
    public void Cropped_photo_keeps_the_faces_that_remain_whole()
    {
        var faces = Detect(ImageVariants.Cropped(SamplePhotos.ThreeFaces, _temp.File("crop.jpg"), 20, 30, 540, 300));
        ShouldMatch(faces, ThreeFaceCentres.Select(c => (c.X - 20, c.Y - 30)), 25);
    }

    [Fact]
    public void Mirrored_photo_mirrors_the_boxes()
    {
        var faces = Detect(ImageVariants.Mirrored(SamplePhotos.ThreeFaces, _temp.File("mirror.jpg")));
        ShouldMatch(faces, ThreeFaceCentres.Select(c => (600 - c.X, c.Y)), 25);
    }

    [Fact]
    public void Exif_rotated_file_reports_boxes_in_the_upright_image()
    {
        var faces = Detect(ImageVariants.ExifRotated(SamplePhotos.ThreeFaces, _temp.File("rotated.jpg")));
        ShouldMatch(faces, ThreeFaceCentres, 25);
    }

    [Theory]
    [InlineData(-50)]
    [InlineData(45)]
    public void Brightness_shift_still_finds_every_face(double shift)
    {
        var faces = Detect(ImageVariants.Brightness(SamplePhotos.ThreeFaces, _temp.File($"bright{shift}.jpg"), shift));
        ShouldMatch(faces, ThreeFaceCentres, 25);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Generated_landscapes_have_no_faces(int seed)
    {
        Detect(ImageVariants.Landscape(_temp.File($"landscape{seed}.png"), seed)).ShouldBeEmpty();
    }

    /// <summary>The human demo screenshot: the thumbnails' portrait faces and part of the group. human marks 14
    /// faces there; their faces are covered by the demo's drawn meshes and labels, and FolderPrism finds 9 of them
    /// today (a known gap, tracked in issue 7), so this pins the current floor rather than the goal.</summary>
    [Fact]
    public void Collage_group_faces_are_found()
    {
        var faces = Detect(SamplePhotos.Collage);
        faces.Count(f => f.Box.Y > 400 && f.Box.Y < 650).ShouldBeGreaterThanOrEqualTo(8);
        faces.Count(f => f.Box.Y < 100).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void Combining_both_detectors_finds_more_of_the_collage_group_and_nothing_in_landscapes()
    {
        var combined = new FaceDetectionOptions { CombineModels = true };
        var single = Detect(SamplePhotos.Collage).Count(f => f.Box.Y > 400 && f.Box.Y < 650);
        var both = Detect(SamplePhotos.Collage, combined).Count(f => f.Box.Y > 400 && f.Box.Y < 650);
        output.WriteLine($"group faces: full-range {single}, combined {both}");
        both.ShouldBeGreaterThan(single);
        Detect(ImageVariants.Landscape(_temp.File("combined-landscape.png"), 5), combined).ShouldBeEmpty();
        Detect(SamplePhotos.ThreeFaces, combined).Count.ShouldBe(3);
    }

    public void Dispose()
    {
        _sessions.Dispose();
        _temp.Dispose();
    }
}
