using System.CommandLine;
using System.Globalization;
using Playout.Media.Time;

namespace Playout.Server.Cli;

/// <summary>
/// `playout timecode --rate R VALUE`: a frame count since 00:00:00:00 prints its timecode (wrapping at 24 h);
/// a timecode prints its frame count. Plain 29.97 and 59.94 are drop-frame, as in docs/TIMECODE.md.
/// </summary>
public static class TimecodeCommand
{
    public static Command Create()
    {
        var rate = new Option<string>("--rate") { Description = "Timecode rate: 23.976, 24, 25, 29.97[df|ndf], 30, 50, 59.94[df|ndf], 60 or e.g. 30000/1001", Required = true };
        var value = new Argument<string>("value") { Description = "A frame count (e.g. 1800) or a timecode (HH:MM:SS:FF non-drop, HH:MM:SS;FF drop-frame)" };
        var command = new Command("timecode", "Convert between frame counts and SMPTE timecode") { rate, value };
        command.SetAction(result => Convert(Rate(result.GetValue(rate)!), result.GetValue(value)!, result.InvocationConfiguration.Output));
        return command;
    }

    private static TimecodeRate Rate(string text)
    {
        try
        {
            return TimecodeRate.Parse(text);
        }
        catch (FormatException e)
        {
            throw new CliInputException($"--rate: {e.Message}");
        }
    }

    private static int Convert(TimecodeRate rate, string value, TextWriter output)
    {
        if (value.Length > 0 && value.All(char.IsAsciiDigit))
        {
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long frames))
                throw new CliInputException($"frame count '{value}' is too large");
            output.WriteLine(Timecode.FromFrameCount(frames, rate));
            return PlayoutCli.Ok;
        }
        if (!value.Any(c => c is ':' or ';' or '.' or ','))
            throw new CliInputException($"'{value}' is neither a frame count nor a timecode (HH:MM:SS:FF or HH:MM:SS;FF)");
        try
        {
            output.WriteLine(Timecode.Parse(value, rate).FrameCount.ToString(CultureInfo.InvariantCulture));
            return PlayoutCli.Ok;
        }
        catch (FormatException e)
        {
            throw new CliInputException(e.Message);
        }
    }
}
