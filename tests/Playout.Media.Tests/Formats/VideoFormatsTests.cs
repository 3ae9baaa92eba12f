using Playout.Media.Formats;

namespace Playout.Media.Tests.Formats;

public class VideoFormatsTests
{
    private static readonly string[] ProgressiveRateLabels = ["23.98", "24", "25", "29.97", "30", "50", "59.94", "60"];

    public static TheoryData<string> Names => [.. VideoFormats.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_entry_is_found_by_its_name(string name)
    {
        var format = VideoFormats.Find(name);
        Assert.NotNull(format);
        Assert.Equal(name, format.Name);
        Assert.Same(format, VideoFormats.Parse(name.ToUpperInvariant()));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_v210_frame_line_is_the_whole_line_the_block_kernels_take(string name)
    {
        var format = VideoFormats.Parse(name);
        var plane = PixelFormat.V210.Layout(format.Width, format.Height, lineAlignment: 64).Planes[0];
        // Whole 48-pixel blocks (1280 → 3456 bytes, not the 3424 its groups fill), within the stride.
        Assert.Equal((format.Width + 47) / 48 * 128, plane.LineBytes);
        Assert.InRange(plane.LineBytes, PixelFormat.V210LineBytes(format.Width), plane.Stride);
        Assert.Equal(0, plane.LineBytes % 128);
    }

    [Fact]
    public void Names_are_unique() =>
        Assert.Equal(VideoFormats.All.Count, VideoFormats.All.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());

    [Theory]
    [InlineData("576i50", 25, 1)]
    [InlineData("480i59.94", 30000, 1001)]
    [InlineData("720p50", 50, 1)]
    [InlineData("720p59.94", 60000, 1001)]
    [InlineData("1080i50", 25, 1)]
    [InlineData("1080i59.94", 30000, 1001)]
    [InlineData("1080p23.98", 24000, 1001)]
    [InlineData("1080p29.97", 30000, 1001)]
    [InlineData("2160p59.94", 60000, 1001)]
    [InlineData("4320p24", 24, 1)]
    public void Frame_rates_are_exact_and_interlaced_names_carry_the_field_rate(string name, long numerator, long denominator) =>
        Assert.Equal(new Rational(numerator, denominator), VideoFormats.Parse(name).FrameRate);

    [Theory]
    [InlineData("576i", 720, 576, ScanMode.InterlacedTopFieldFirst, Colorimetry.Bt601, 1)]
    [InlineData("480i", 720, 486, ScanMode.InterlacedBottomFieldFirst, Colorimetry.Bt601, 1)]
    [InlineData("720p", 1280, 720, ScanMode.Progressive, Colorimetry.Bt709, 2)]
    [InlineData("1080i", 1920, 1080, ScanMode.InterlacedTopFieldFirst, Colorimetry.Bt709, 2)]
    [InlineData("1080p", 1920, 1080, ScanMode.Progressive, Colorimetry.Bt709, 8)]
    [InlineData("2160p", 3840, 2160, ScanMode.Progressive, Colorimetry.Bt2020, 8)]
    [InlineData("4320p", 7680, 4320, ScanMode.Progressive, Colorimetry.Bt2020, 8)]
    public void Each_family_has_its_raster_scan_and_colorimetry(string family, int width, int height, ScanMode scan,
        Colorimetry colorimetry, int sdrRates)
    {
        var members = VideoFormats.All.Where(f => f.Name.StartsWith(family, StringComparison.Ordinal)).ToList();
        Assert.Equal(sdrRates, members.Count(f => f.Transfer == TransferCharacteristic.Sdr));
        Assert.All(members, f =>
        {
            Assert.Equal((width, height), (f.Width, f.Height));
            Assert.Equal(scan, f.ScanMode);
            Assert.Equal(scan != ScanMode.Progressive, f.IsInterlaced);
            Assert.Equal(f.Transfer == TransferCharacteristic.Sdr ? colorimetry : Colorimetry.Bt2020, f.Colorimetry);
        });
    }

    [Theory]
    [InlineData("1080p")]
    [InlineData("2160p")]
    [InlineData("4320p")]
    public void Bt2100_rasters_come_at_every_rate_in_sdr_hlg_and_pq(string family)
    {
        foreach (var rate in ProgressiveRateLabels)
        {
            Assert.Equal(TransferCharacteristic.Sdr, VideoFormats.Parse(family + rate).Transfer);
            Assert.Equal(TransferCharacteristic.Hlg, VideoFormats.Parse($"{family}{rate}-hlg").Transfer);
            Assert.Equal(TransferCharacteristic.Pq, VideoFormats.Parse($"{family}{rate}-pq").Transfer);
        }
    }

    [Theory]
    [InlineData("1080i50-hlg")]
    [InlineData("720p50-pq")]
    [InlineData("576i50-hlg")]
    [InlineData("2160p50-sdr")]
    public void Hdr_is_not_offered_outside_the_bt2100_progressive_rasters(string name) =>
        Assert.Null(VideoFormats.Find(name));

    [Fact]
    public void An_unknown_name_is_reported_with_the_known_names()
    {
        var error = Assert.Throws<FormatException>(() => VideoFormats.Parse("1080p51"));
        Assert.Contains("'1080p51'", error.Message);
        Assert.All(VideoFormats.All.Where(f => f.Transfer == TransferCharacteristic.Sdr), f => Assert.Contains(f.Name, error.Message));
        Assert.Contains("-hlg", error.Message);
        Assert.Contains("-pq", error.Message);
    }
}
