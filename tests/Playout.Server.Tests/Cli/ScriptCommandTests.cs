using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Playout.Automation.Imports;
using Playout.Media.Formats;
using Playout.TestSupport;

namespace Playout.Server.Tests.Cli;

public class ScriptCommandTests
{
    [Fact]
    public void Running_the_sample_prints_its_log_and_days_and_writes_a_schedule_that_imports_again()
    {
        using var folder = new TempDirectory();
        string saved = folder.File("tomorrow.json");

        var (code, output, error) = CliRunner.Run("script", "run", Sample("tomorrow-from-template.csx"), "--today", "2026-11-24", "--out", saved);

        Assert.True(code == 0, error);
        Assert.Equal("", error);
        var lines = output.Split('\n');
        Assert.Equal("2026-11-25: 9 events from 06:00 to 07:00", lines[0]);
        Assert.Contains("schedule: 1 day(s), 9 event(s)", lines);
        Assert.Contains("  2026-11-25  new        9 event(s), news … fill-07:00:00", lines);
        var imported = ScheduleImporter.Load(saved, new ScheduleImportOptions(new Rational(25)));
        Assert.True(imported.Ok, string.Join("\n", imported.Errors));
        var day = Assert.Single(imported.Days);
        Assert.Equal(new DateOnly(2026, 11, 25), day.Date);
        Assert.Equal(["news", "break-1", "news-2", "doc", "break-2", "doc-2", "break-3", "doc-3", "fill-07:00:00"], day.Events.Select(e => e.Id));
        Assert.Equal(TimeSpan.FromHours(1), day.Events.Aggregate(TimeSpan.Zero, (sum, e) => sum + e.Duration!.Value));
        Assert.Equal((TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(21)), (day.Events[5].In!.Value, day.Events[5].Out!.Value));
    }

    [Fact]
    public void A_failing_script_prints_where_and_writes_nothing()
    {
        using var folder = new TempDirectory();
        string script = folder.Write("bad.csx", Encoding.UTF8.GetBytes("Log(\"start\");\nDay(Tomorrow).FillTo(\"25:99\", \"black\");\n"));
        string saved = folder.File("out.json");

        var (code, output, error) = CliRunner.Run("script", "run", script, "--out", saved);

        Assert.Equal(1, code);
        Assert.Equal("start\n", output.ReplaceLineEndings("\n"));
        Assert.Contains("script: line 2: FormatException: '25:99' is not a time", error);
        Assert.False(File.Exists(saved));
    }

    [Fact]
    public void With_out_dash_stdout_carries_the_schedule_json_alone_and_the_log_goes_to_stderr()
    {
        var result = ExternalTool.Execute("dotnet", [CliRunner.Assembly, "script", "run", Sample("tomorrow-from-template.csx"), "--today", "2026-11-24", "--out", "-"],
            timeout: TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var day = Assert.Single(json.RootElement.GetProperty("days").EnumerateArray());
        Assert.Equal("2026-11-25", day.GetProperty("date").GetString());
        Assert.Equal(9, day.GetProperty("events").GetArrayLength());
        Assert.Contains("2026-11-25: 9 events from 06:00 to 07:00", result.Error);
        Assert.Contains("schedule: 1 day(s), 9 event(s)", result.Error);
    }

    [Fact]
    public void A_script_that_reaches_outside_its_api_is_refused_with_where_and_nothing_is_run()
    {
        using var folder = new TempDirectory();
        string script = folder.Write("exit.csx", Encoding.UTF8.GetBytes("Log(\"start\");\nEnvironment.Exit(3);\n"));

        var (code, output, error) = CliRunner.Run("script", "run", script);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("script: 2:1: SCRIPT001: System.Environment.Exit is not available to scripts", error);
    }

    [Fact]
    public void Offline_the_sources_are_checked_as_schedule_validate_checks_them()
    {
        using var folder = new TempDirectory();
        string media = Directory.CreateDirectory(folder.File("media")).FullName;
        string script = folder.Write("escape.csx", Encoding.UTF8.GetBytes(
            "Day(Tomorrow).Clip(\"a\", \"../etc/passwd\", duration: \"00:00:10\").Clip(\"b\", \"http://example.com/a.mp4\", duration: \"00:00:10\");\n"));
        string schedule = folder.Write("day.yaml", Encoding.UTF8.GetBytes(
            "date: 2026-11-25\nevents:\n  - id: a\n    kind: clip\n    source: ../etc/passwd\n    duration: 10\n"));

        var made = CliRunner.Run("script", "run", script, "--media", media, "--today", "2026-11-24");
        var read = CliRunner.Run("script", "run", script, "--schedule", schedule, "--media", media);
        var allowed = CliRunner.Run("script", "run", script, "--media", media, "--protocols", "http", "--today", "2026-11-24");

        // What the script made is reported as a channel would refuse it; a schedule file it starts from is not read at all.
        Assert.True(made.Code == 0, made.Error);
        Assert.Contains("warning: a channel would refuse this: 2026-11-25, event a: source: '../etc/passwd' is outside the media roots", made.Error);
        Assert.Contains("the protocol 'http' is not allowed (allowed: udp://, rtp://, srt://)", made.Error);
        Assert.Equal(2, read.Code);
        Assert.Contains($"{schedule}, line 5", read.Error);
        Assert.Contains("'../etc/passwd' is outside the media roots", read.Error);
        Assert.Contains("the script was not run", read.Error);
        Assert.DoesNotContain("protocol 'http'", allowed.Error);
        Assert.Contains("outside the media roots", allowed.Error);
    }

    private static string Sample(string name, [CallerFilePath] string here = "")
    {
        for (var dir = new FileInfo(here).Directory; dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "configs", "scripts", name);
            if (File.Exists(path))
                return path;
        }
        throw new FileNotFoundException($"configs/scripts/{name} not found above {here}");
    }
}
