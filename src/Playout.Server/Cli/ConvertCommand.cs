using System.CommandLine;
using Playout.Media.Formats;
using Playout.Media.Kernels;

namespace Playout.Server.Cli;

/// <summary>
/// `playout convert --from FMT --to FMT --size WxH IN OUT`: converts raw frame files of any number of
/// frames, one frame in memory at a time; "-" is stdin/stdout. A file output is written to a temporary
/// name and renamed only when every frame converted, so a failure never leaves a partial file.
/// </summary>
public static class ConvertCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "Source pixel format (see 'playout formats')", Required = true };
        var to = new Option<string>("--to") { Description = "Destination pixel format", Required = true };
        var size = new Option<string>("--size") { Description = "Picture size WIDTHxHEIGHT, e.g. 1920x1080", Required = true };
        var matrix = new Option<string>("--matrix") { Description = "Colour matrix for BGRA sources: bt709, bt2020 or bt601", DefaultValueFactory = _ => "bt709" };
        var input = new Argument<string>("input") { Description = "Raw input file, or - for stdin" };
        var output = new Argument<string>("output") { Description = "Raw output file, or - for stdout" };
        var command = new Command("convert", "Convert raw frames between pixel formats") { from, to, size, matrix, input, output };
        command.SetAction(result => Convert(
            Format(result.GetValue(from)!, "--from"), Format(result.GetValue(to)!, "--to"), FrameSize.Parse(result.GetValue(size)!),
            Matrix(result.GetValue(matrix)!), result.GetValue(input)!, result.GetValue(output)!, result.InvocationConfiguration.Output));
        return command;
    }

    private static PixelFormat Format(string name, string option)
    {
        try
        {
            return PixelFormat.Parse(name);
        }
        catch (FormatException e)
        {
            throw new CliInputException($"{option}: {e.Message}");
        }
    }

    private static ColorMatrix Matrix(string name) => name.ToLowerInvariant() switch
    {
        "bt709" => ColorMatrix.Bt709,
        "bt2020" => ColorMatrix.Bt2020,
        "bt601" => ColorMatrix.Bt601,
        _ => throw new CliInputException($"--matrix '{name}' is not one of bt709, bt2020, bt601"),
    };

    private static int Convert(PixelFormat from, PixelFormat to, (int Width, int Height) size, ColorMatrix matrix,
        string inputPath, string outputPath, TextWriter stdout)
    {
        FrameConverter converter;
        try
        {
            converter = new FrameConverter(from, to, size.Width, size.Height, matrix);
        }
        catch (ArgumentException e)
        {
            throw new CliInputException(e.Message);
        }
        int frameBytes = converter.Source.TotalBytes;
        if (inputPath != "-")
            CheckWholeFrames(inputPath, converter.Source);
        using var input = inputPath == "-" ? Console.OpenStandardInput() : File.OpenRead(inputPath);
        using var output = new AtomicOutput(outputPath);
        var source = new byte[frameBytes];
        var destination = new byte[converter.Target.TotalBytes];
        long frames = 0;
        while (true)
        {
            int read = input.ReadAtLeast(source, frameBytes, throwOnEndOfStream: false);
            if (read == 0)
                break;
            if (read < frameBytes)
                throw new CliInputException(
                    $"{Name(inputPath)} ends inside frame {frames}: {read} of {frameBytes} bytes of a {converter.Source} frame; nothing written");
            converter.Convert(source, destination);
            output.Stream.Write(destination);
            frames++;
        }
        output.Commit();
        if (outputPath != "-")
            stdout.WriteLine($"converted {frames} frame(s) {converter.Source} -> {converter.Target} into {outputPath}");
        return PlayoutCli.Ok;
    }

    private static void CheckWholeFrames(string path, FrameLayout layout)
    {
        if (!File.Exists(path))
            throw new CliInputException($"input file '{path}' not found");
        long length = new FileInfo(path).Length;
        if (length == 0 || length % layout.TotalBytes != 0)
            throw new CliInputException(
                $"input '{path}' is {length} bytes, not a whole number of {layout.TotalBytes}-byte {layout.Format.Name} {layout.Width}x{layout.Height} frames "
                + $"({length / layout.TotalBytes} whole frame(s) and {length % layout.TotalBytes} bytes left over); nothing written");
    }

    private static string Name(string path) => path == "-" ? "standard input" : $"input '{path}'";
}
