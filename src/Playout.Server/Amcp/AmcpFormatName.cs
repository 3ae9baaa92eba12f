using System.Globalization;
using Playout.Media.Formats;

namespace Playout.Server.Amcp;

/// <summary>A video mode as CasparCG names it in INFO: lines, scan, field or frame rate times 100 (1080i5000, 720p5994), PAL and NTSC.</summary>
public static class AmcpFormatName
{
    public static string Of(VideoFormat format)
    {
        double rate = format.FrameRate.ToDouble() * (format.IsInterlaced ? 2 : 1);
        long hundredths = (long)Math.Round(rate * 100);
        if (format.IsInterlaced && format.Height == 576 && hundredths == 5000)
            return "PAL";
        if (format.IsInterlaced && format.Height is 480 or 486 && hundredths == 5994)
            return "NTSC";
        string lines = new(format.Name.TakeWhile(char.IsAsciiDigit).ToArray());
        return string.Create(CultureInfo.InvariantCulture, $"{lines}{(format.IsInterlaced ? 'i' : 'p')}{hundredths}");
    }
}
