using System.Runtime.CompilerServices;

namespace Playout.Server.Tests.Cli;

public sealed class ScheduleCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("playout-schedule-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Sample(string name, [CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "configs", "schedules", name));

    [Theory]
    [InlineData("day.yaml")]
    [InlineData("day.json")]
    [InlineData("day.csv")]
    [InlineData("day.bxf")]
    public void Validate_prints_ok_with_the_days_and_events_of_each_sample(string name)
    {
        var path = Sample(name);

        var (code, output, error) = CliRunner.Run("schedule", "validate", path, "--rate", "25");

        Assert.True(code == 0, error);
        Assert.Equal($"{path}: OK, 1 day, 4 events", output.Trim());
    }

    [Fact]
    public void Validate_prints_every_error_with_its_line_and_exits_2()
    {
        var path = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(path, "date: 2026-11-25\nevents:\n  - id: a\n    kind: clip\n    duration: \"1:00:xx\"\n  - id: b\n    kind: movie\n");

        var (code, output, error) = CliRunner.Run("schedule", "validate", path);

        Assert.Equal(2, code);
        Assert.Empty(output);
        var lines = error.Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{path}, line 5, column 15, event \"a\", field duration: \"1:00:xx\" is not a duration", lines[0]);
        Assert.StartsWith($"{path}, line 7, column 11, event \"b\", field kind:", lines[1]);
        Assert.Equal($"{path}: INVALID, 2 errors; nothing would be loaded", lines[2]);
    }

    [Fact]
    public void Validate_reports_an_unclosed_flow_mapping_at_its_line_and_exits_2()
    {
        var path = Path.Combine(_dir, "unclosed.yaml");
        File.WriteAllText(path, "- { id: a, kind: clip, source: x.mp4\n- id: [\n");

        var (code, output, error) = CliRunner.Run("schedule", "validate", path);

        Assert.Equal(2, code);
        Assert.Empty(output);
        var lines = error.Trim().Split('\n');
        Assert.StartsWith($"{path}, line 2, column ", lines[0]);
        Assert.Contains(": not valid YAML: ", lines[0]);
        Assert.Equal($"{path}: INVALID, 1 error; nothing would be loaded", lines[1]);
    }

    [Fact]
    public void Validate_confines_sources_to_the_media_folders_and_protocols()
    {
        var path = Path.Combine(_dir, "escape.yaml");
        File.WriteAllText(path, "date: 2026-11-25\nevents:\n  - { id: a, kind: clip, source: ../etc/passwd }\n  - { id: b, kind: clip, source: \"http://example.com/b.mp4\" }\n"
            + "  - { id: c, kind: clip, source: news.mp4 }\n");

        var (code, _, error) = CliRunner.Run("schedule", "validate", path, "--media", _dir);

        Assert.Equal(2, code);
        var lines = error.Trim().Split('\n');
        Assert.Equal($"{path}, line 3, column 34, event \"a\", field source: '../etc/passwd' is outside the media roots", lines[0]);
        Assert.Equal($"{path}, line 4, column 34, event \"b\", field source: 'http://example.com/b.mp4': the protocol 'http' is not allowed (allowed: udp://, rtp://, srt://)", lines[1]);
        Assert.Equal($"{path}: INVALID, 2 errors; nothing would be loaded", lines[2]);

        (code, _, error) = CliRunner.Run("schedule", "validate", path, "--media", _dir, "--protocols", "http");
        Assert.DoesNotContain("event b", error);
    }

    [Fact]
    public void Validate_refuses_a_rate_without_timecode()
    {
        var (code, _, error) = CliRunner.Run("schedule", "validate", Sample("day.yaml"), "--rate", "12");

        Assert.Equal(2, code);
        Assert.Contains("--rate: '12' is not a frame rate", error);
    }
}
