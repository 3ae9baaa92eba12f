using System.CommandLine;
using Playout.Media.Formats;

namespace Playout.Server.Cli;

/// <summary>`playout formats`: the video modes and pixel formats this build knows.</summary>
public static class FormatsCommand
{
    public static Command Create()
    {
        var command = new Command("formats", "List video modes and pixel formats");
        command.SetAction(result => Write(result.InvocationConfiguration.Output));
        return command;
    }

    private static int Write(TextWriter output)
    {
        output.WriteLine("Video modes:");
        output.WriteLine($"  {"name",-16} {"size",-10} {"frames/s",-11} {"scan",-26} {"colour",-8} {"transfer",-8} audio samples/frame @48 kHz");
        foreach (var mode in VideoFormats.All)
            output.WriteLine($"  {mode.Name,-16} {mode.Width + "x" + mode.Height,-10} {mode.FrameRate,-11} {mode.ScanMode,-26} {mode.Colorimetry,-8} {mode.Transfer,-8} {string.Join(",", mode.AudioCadence)}");
        var radio = VideoFormats.Radio;
        output.WriteLine($"  {radio.Name,-16} {"no video",-10} {radio.FrameRate,-11} {"a radio channel: sound only",-26} {"",-8} {"",-8} {string.Join(",", radio.AudioCadence)}");
        output.WriteLine();
        output.WriteLine("Pixel formats:");
        output.WriteLine($"  {"name",-20} {"bytes 1920x1080",-16} description");
        foreach (var format in PixelFormat.All)
            output.WriteLine($"  {format.Name,-20} {format.Layout(1920, 1080).TotalBytes,-16} {format.Description}");
        return PlayoutCli.Ok;
    }
}
