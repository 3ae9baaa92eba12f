using System.Globalization;

namespace Playout.Server.Cli;

/// <summary>Parses "WxH" picture sizes given on the command line.</summary>
public static class FrameSize
{
    public static (int Width, int Height) Parse(string text)
    {
        var parts = text.Split('x', 'X');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int width)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int height)
            || width <= 0 || height <= 0)
            throw new CliInputException($"--size '{text}' is not WIDTHxHEIGHT with positive numbers (e.g. 1920x1080)");
        if (width % 2 != 0)
            throw new CliInputException($"--size {text}: width {width} is odd, but 4:2:2 formats need an even width");
        return (width, height);
    }
}
