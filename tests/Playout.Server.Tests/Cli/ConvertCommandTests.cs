using Playout.TestSupport;

namespace Playout.Server.Tests.Cli;

public class ConvertCommandTests
{
    [Theory]
    [InlineData(1920, 4)]
    [InlineData(62, 6)]
    public void Round_trip_through_v210_matches_ffmpeg_byte_for_byte(int width, int height)
    {
        using var temp = new TempDirectory();
        string yuv = temp.File("in.yuv");
        Ffmpeg.Run("-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=25", "-frames:v", "3", "-pix_fmt", "yuv422p10le", "-f", "rawvideo", yuv);
        string size = $"{width}x{height}";

        var (code, output, error) = CliRunner.Run("convert", "--from", "yuv422p10le", "--to", "v210", "--size", size, yuv, temp.File("ours.v210"));
        Assert.True(code == 0, error);
        Assert.Contains("converted 3 frame(s)", output);
        Ffmpeg.EncodeRaw(yuv, width, height, "v210", temp.File("ffmpeg.v210"));
        Assert.Equal(File.ReadAllBytes(temp.File("ffmpeg.v210")), File.ReadAllBytes(temp.File("ours.v210")));

        Assert.Equal(0, CliRunner.Run("convert", "--from", "v210", "--to", "yuv422p10le", "--size", size, temp.File("ours.v210"), temp.File("back.yuv")).Code);
        Assert.Equal(File.ReadAllBytes(yuv), File.ReadAllBytes(temp.File("back.yuv")));
        Ffmpeg.DecodeV210(temp.File("ours.v210"), width, height, temp.File("ffmpeg.yuv"));
        Assert.Equal(File.ReadAllBytes(temp.File("ffmpeg.yuv")), File.ReadAllBytes(temp.File("back.yuv")));
    }

    [Fact]
    public void Uyvy_from_ffmpeg_converts_to_st2110_and_back_through_stdin_and_stdout()
    {
        using var temp = new TempDirectory();
        var uyvy = Ffmpeg.Generate("testsrc2=size=96x4:rate=1", "uyvy422", temp.File("in.uyvy"));
        var st2110 = Pipe(uyvy, "convert", "--from", "uyvy422", "--to", "st2110-422-10", "--size", "96x4", "-", "-");
        Assert.Equal(96 * 4 * 5 / 2, st2110.Length);
        var back = Pipe(st2110, "convert", "--from", "st2110-422-10", "--to", "uyvy422", "--size", "96x4", "-", "-");
        Assert.Equal(uyvy, back);
    }

    [Fact]
    public void A_file_that_is_not_whole_frames_exits_2_names_the_sizes_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("in.v210"), new byte[128 * 4 + 100]);
        var (code, _, error) = CliRunner.Run("convert", "--from", "v210", "--to", "uyvy422", "--size", "48x4", temp.File("in.v210"), temp.File("out.uyvy"));
        Assert.Equal(2, code);
        Assert.Contains("612 bytes", error);
        Assert.Contains("512-byte", error);
        Assert.Contains("100 bytes left over", error);
        Assert.Empty(Directory.GetFiles(temp.Path, "*out*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_truncated_stream_on_stdin_exits_2_and_leaves_no_output_file()
    {
        using var temp = new TempDirectory();
        var (code, stderr, _) = Process(new byte[128 * 4 * 2 + 7], "convert", "--from", "v210", "--to", "uyvy422", "--size", "48x4", "-", temp.File("out.uyvy"));
        Assert.Equal(2, code);
        Assert.Contains("ends inside frame 2", stderr);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Theory]
    [InlineData("--from", "v211", "unknown pixel format 'v211'")]
    [InlineData("--size", "1919x1080", "width 1919 is odd")]
    [InlineData("--size", "big", "not WIDTHxHEIGHT")]
    [InlineData("--to", "bgra", "BGRA is a graphics input format only")]
    public void Bad_arguments_exit_2_with_a_message_naming_the_problem(string option, string value, string message)
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("in"), new byte[8]);
        var args = new Dictionary<string, string> { ["--from"] = "yuv422p10le", ["--to"] = "v210", ["--size"] = "2x1" };
        args[option] = value;
        var (code, _, error) = CliRunner.Run(["convert", .. args.SelectMany(a => new[] { a.Key, a.Value }), temp.File("in"), temp.File("out")]);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.False(File.Exists(temp.File("out")));
    }

    [Fact]
    public void A_missing_input_file_exits_2()
    {
        var (code, _, error) = CliRunner.Run("convert", "--from", "v210", "--to", "uyvy422", "--size", "48x4", "/nonexistent/in.v210", "out");
        Assert.Equal(2, code);
        Assert.Contains("not found", error);
    }

    private static byte[] Pipe(byte[] input, params string[] args)
    {
        var (code, stderr, stdout) = Process(input, args);
        Assert.True(code == 0, stderr);
        return stdout;
    }

    private static (int Code, string Stderr, byte[] Stdout) Process(byte[] input, params string[] args)
    {
        var result = ExternalTool.Execute("dotnet", [CliRunner.Assembly, .. args], input, TimeSpan.FromMinutes(1));
        return (result.ExitCode, result.Error, result.Output);
    }
}
