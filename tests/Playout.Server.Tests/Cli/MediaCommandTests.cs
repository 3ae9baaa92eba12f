using System.Text.RegularExpressions;
using Playout.TestSupport;

namespace Playout.Server.Tests.Cli;

public sealed class MediaCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Scan_catalogues_the_folder_with_progress_and_list_shows_and_searches_it()
    {
        string media = Path.Combine(_folder.Path, "media");
        Directory.CreateDirectory(Path.Combine(media, "promos"));
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=2", "-f", "lavfi", "-i", "sine=sample_rate=48000:duration=2",
            "-ac", "2", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", Path.Combine(media, "promos", "clip.mp4"));
        File.WriteAllBytes(Path.Combine(media, "broken.mp4"), new byte[2048]);
        string db = _folder.File("state/media.db");

        var (code, output, error) = CliRunner.Run("media", "scan", media, "--db", db);

        Assert.True(code == 0, error);
        Assert.Contains("[1/2]  50% broken.mp4", error);
        Assert.Contains("[2/2] 100% clip.mp4", error);
        Assert.Contains($"unplayable: {Path.Combine(media, "broken.mp4")}", error);
        Assert.Contains("2 file(s): 2 probed (1 unplayable), 0 unchanged, 0 removed", output);

        (code, output, error) = CliRunner.Run("media", "list", "--db", db);
        Assert.True(code == 0, error);
        var lines = output.Split('\n');
        // FFmpeg's sine (440 Hz at 1/8 full scale, -18.1 dBFS) upmixed to two channels at -3 dB measures about -21.8 LUFS.
        Assert.Contains(lines, l => l.Contains("00:00:02.000") && l.Contains("320x180 25p h264") && l.Contains("2ch 48000 Hz aac")
            && Regex.IsMatch(l, @" -21\.\d LUFS -2[01]\.\d dBTP ") && l.Contains(" ok ") && l.EndsWith(Path.Combine(media, "promos", "clip.mp4"), StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("UNPLAYABLE") && l.EndsWith(Path.Combine(media, "broken.mp4"), StringComparison.Ordinal));
        Assert.Contains("2 file(s)", output);

        (code, output, _) = CliRunner.Run("media", "list", "--db", db, "--search", "CLIP");
        Assert.Equal(0, code);
        Assert.Contains("clip.mp4", output);
        Assert.DoesNotContain("broken.mp4", output);
        Assert.Contains("1 file(s)", output);

        (code, output, error) = CliRunner.Run("media", "scan", media, "--db", db);
        Assert.Equal(0, code);
        Assert.Contains("2 file(s): 0 probed (0 unplayable), 2 unchanged", output);
        Assert.Empty(error);
    }

    [Fact]
    public void Markers_found_by_the_scan_are_shown_an_operators_win_one_by_one_and_markers_out_of_order_are_refused()
    {
        string media = Path.Combine(_folder.Path, "media");
        Directory.CreateDirectory(media);
        string song = Path.Combine(media, "song.wav");
        // 0.5 s of silence, 4 s of tone, a 2 s quiet fade, 1 s of silence.
        Ffmpeg.Run("-f", "lavfi", "-i", "aevalsrc=exprs='sin(2*PI*440*t)*(0.316*between(t,0.5,4.4999)+0.0316*between(t,4.5,6.4999))':s=48000:d=7.5", "-ac", "2", song);
        string db = _folder.File("media.db");
        Assert.Equal(0, CliRunner.Run("media", "scan", media, "--db", db).Code);

        var (code, output, error) = CliRunner.Run("media", "markers", song, "--db", db, "--intro", "1.25");
        Assert.True(code == 0, error);
        Assert.Equal($"{song}: cue-in 0.500 s, intro 1.250 s, segue 4.500 s, cue-out 6.500 s", output.Trim());

        (code, output, error) = CliRunner.Run("media", "markers", song, "--db", db, "--segue", "5");
        Assert.True(code == 0, error);
        Assert.Equal($"{song}: cue-in 0.500 s, intro 1.250 s, segue 5.000 s, cue-out 6.500 s", output.Trim());

        (code, _, error) = CliRunner.Run("media", "markers", song, "--db", db, "--intro", "6");
        Assert.Equal(2, code);
        Assert.Contains("segue: 00:00:05 must come after intro (00:00:06)", error);
        (code, _, error) = CliRunner.Run("media", "markers", song, "--db", db, "--segue", "1e308");
        Assert.Equal(2, code);
        Assert.Contains("1E+308 is not a number of seconds from the file's start", error);
        (code, _, error) = CliRunner.Run("media", "markers", song, "--db", db, "--cue-out", "9");
        Assert.Equal(2, code);
        Assert.Contains("cueOut: 00:00:09 is not within the file", error);

        (code, output, _) = CliRunner.Run("media", "markers", song, "--db", db, "--clear");
        Assert.Equal(0, code);
        Assert.Equal($"{song}: cue-in 0.500 s, intro -, segue 4.500 s, cue-out 6.500 s", output.Trim());
        (code, _, error) = CliRunner.Run("media", "markers", _folder.File("nothing.wav"), "--db", db);
        Assert.Equal(2, code);
        Assert.Contains("is not in the media catalogue", error);
    }

    [Fact]
    public void A_folder_that_does_not_exist_exits_2()
    {
        var (code, _, error) = CliRunner.Run("media", "scan", _folder.File("nowhere"), "--db", _folder.File("media.db"));

        Assert.Equal(2, code);
        Assert.Contains("folder", error);
        Assert.Contains("nowhere", error);
        Assert.False(File.Exists(_folder.File("media.db")));
    }

    [Fact]
    public void Without_db_scan_and_list_use_the_catalogue_of_the_service_configuration()
    {
        string media = Path.Combine(_folder.Path, "media");
        Directory.CreateDirectory(media);
        File.WriteAllBytes(Path.Combine(media, "broken.mp4"), new byte[2048]);
        string config = _folder.Write("service.json", """
            { "media": "media", "state": "state", "channels": [ { "name": "one", "format": "720p50", "clock": "system" } ] }
            """u8.ToArray());

        var (code, _, error) = CliRunner.Run("media", "scan", media, "--config", config);
        Assert.True(code == 0, error);
        Assert.True(File.Exists(_folder.File("state/media.db")), "the scan did not write the service's catalogue (state/media.db)");

        (code, var output, error) = CliRunner.Run("media", "list", "--config", config);
        Assert.True(code == 0, error);
        Assert.Contains("broken.mp4", output);
    }

    [Fact]
    public void Without_db_a_configuration_that_cannot_be_read_exits_2_naming_it()
    {
        var (code, _, error) = CliRunner.Run("media", "list", "--config", _folder.File("missing.json"));

        Assert.Equal(2, code);
        Assert.Contains("missing.json", error);
    }

    [Fact]
    public void Listing_without_a_catalogue_exits_2_saying_to_scan_first()
    {
        var (code, _, error) = CliRunner.Run("media", "list", "--db", _folder.File("none.db"));

        Assert.Equal(2, code);
        Assert.Contains("run 'playout media scan FOLDER' first", error);
    }
}
