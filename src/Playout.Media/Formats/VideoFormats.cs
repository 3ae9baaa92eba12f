using System.Globalization;

namespace Playout.Media.Formats;

/// <summary>
/// The video modes the service can run. SD and HD are SDR; UHD and 8K default to SDR and, like 1080p,
/// also come as "-hlg" and "-pq" variants. HDR is offered only on the progressive 1920x1080, 3840x2160
/// and 7680x4320 rasters, the ones ITU-R BT.2100 defines, and always with its BT.2020 colorimetry.
/// </summary>
public static class VideoFormats
{
    private static readonly Rational[] ProgressiveRates =
        [new(24000, 1001), new(24), new(25), new(30000, 1001), new(30), new(50), new(60000, 1001), new(60)];

    /// <summary>Every video mode, SDR before its HDR variants (not <see cref="Radio"/>, which has no video).</summary>
    public static IReadOnlyList<VideoFormat> All { get; } = [.. Build()];

    /// <summary>
    /// "radio": a channel without video, ticking 25 times a second (1920 samples of 48 kHz sound a tick). Its 48x2
    /// placeholder picture costs next to nothing and never leaves the channel.
    /// </summary>
    public static VideoFormat Radio { get; } =
        new("radio", 48, 2, new Rational(25), ScanMode.Progressive, Colorimetry.Bt709, TransferCharacteristic.Sdr, isAudioOnly: true);

    private static readonly Dictionary<string, VideoFormat> ByName =
        All.Append(Radio).ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The mode with this name (case-insensitive), or null.</summary>
    public static VideoFormat? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The mode with this name (case-insensitive).</summary>
    /// <exception cref="FormatException">The name is unknown; the message lists the known names.</exception>
    public static VideoFormat Parse(string name) =>
        Find(name) ?? throw new FormatException(
            $"unknown video format '{name}'; known formats: {string.Join(", ", All.Where(f => f.Transfer == TransferCharacteristic.Sdr))}"
            + $" (1080p, 2160p and 4320p also take -hlg or -pq), and {Radio.Name} for a channel without video");

    private static IEnumerable<VideoFormat> Build()
    {
        // 525-line SDI carries 486 active lines (SMPTE ST 125 / ST 259); 480 is the MPEG/DV crop of it.
        yield return Define(576, 720, 576, ScanMode.InterlacedTopFieldFirst, new Rational(25), Colorimetry.Bt601);
        yield return Define(480, 720, 486, ScanMode.InterlacedBottomFieldFirst, new Rational(30000, 1001), Colorimetry.Bt601);
        yield return Define(720, 1280, 720, ScanMode.Progressive, new Rational(50), Colorimetry.Bt709);
        yield return Define(720, 1280, 720, ScanMode.Progressive, new Rational(60000, 1001), Colorimetry.Bt709);
        yield return Define(1080, 1920, 1080, ScanMode.InterlacedTopFieldFirst, new Rational(25), Colorimetry.Bt709);
        yield return Define(1080, 1920, 1080, ScanMode.InterlacedTopFieldFirst, new Rational(30000, 1001), Colorimetry.Bt709);
        var hdrCapable = new List<VideoFormat>();
        foreach (var (width, height, colorimetry) in new[] { (1920, 1080, Colorimetry.Bt709), (3840, 2160, Colorimetry.Bt2020), (7680, 4320, Colorimetry.Bt2020) })
            foreach (var rate in ProgressiveRates)
            {
                var format = Define(height, width, height, ScanMode.Progressive, rate, colorimetry);
                hdrCapable.Add(format);
                yield return format;
            }
        foreach (var transfer in new[] { TransferCharacteristic.Hlg, TransferCharacteristic.Pq })
            foreach (var sdr in hdrCapable)
                yield return Define(sdr.Height, sdr.Width, sdr.Height, sdr.ScanMode, sdr.FrameRate, Colorimetry.Bt2020, transfer);
    }

    private static VideoFormat Define(int nominalLines, int width, int height, ScanMode scan, Rational frameRate,
        Colorimetry colorimetry, TransferCharacteristic transfer = TransferCharacteristic.Sdr)
    {
        var interlaced = scan != ScanMode.Progressive;
        var nameRate = interlaced ? frameRate * new Rational(2) : frameRate;
        var suffix = transfer == TransferCharacteristic.Sdr ? "" : "-" + transfer.ToString().ToLowerInvariant();
        var name = $"{nominalLines}{(interlaced ? 'i' : 'p')}{RateLabel(nameRate)}{suffix}";
        return new VideoFormat(name, width, height, frameRate, scan, colorimetry, transfer);
    }

    // Broadcast names give 1001 rates to two decimals: 24000/1001 is "23.98", 60000/1001 is "59.94".
    private static string RateLabel(Rational rate) => rate.Denominator == 1
        ? rate.Numerator.ToString(CultureInfo.InvariantCulture)
        : Math.Round(rate.ToDouble(), 2).ToString("0.##", CultureInfo.InvariantCulture);
}
