using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Automation.Library;
using Microsoft.Data.Sqlite;
using Playout.Engine;
using Playout.Engine.Library;

namespace Playout.Server.Cli;

/// <summary>
/// `playout media scan FOLDER... [--db FILE]` catalogues the media files below the folders (probing only new and
/// changed ones, progress on stderr); `playout media list [--db FILE] [--search TEXT] [--limit N]` shows the
/// catalogue. Without --db the catalogue is the service's: the one the --config file (configs/demo.json, as for
/// `serve`) gives its media library. `playout media markers FILE [--cue-in S] [--intro S] [--segue S] [--cue-out S]`
/// sets an operator's radio markers on a catalogued file (seconds; each over the scan's) and shows those in force.
/// </summary>
public static class MediaCommand
{
    public static Command Create() => new("media", "The media library: catalogue media files, list them, set their markers") { Scan(), List(), Markers() };

    private static Option<string?> Database() => new("--db")
    {
        Description = "The catalogue's SQLite file (default: the service's catalogue, from --config)",
    };

    private static Option<string> Config() => new("--config")
    {
        Description = "The service configuration whose catalogue --db defaults to",
        DefaultValueFactory = _ => ServeCommand.DefaultConfig,
    };

    /// <summary>--db, or the catalogue the service of --config uses.</summary>
    private static string CatalogPath(ParseResult result, Option<string?> database, Option<string> config)
    {
        if (result.GetValue(database) is { } path)
            return path;
        try
        {
            return Hosting.ServiceConfig.Load(result.GetValue(config)!).CatalogPath;
        }
        catch (Hosting.ConfigException e)
        {
            throw new CliInputException($"{e.Message}{Environment.NewLine}(the catalogue is the one this configuration names; --db names one directly)");
        }
    }

    private static Command Scan()
    {
        var folders = new Argument<string[]>("folder") { Description = "Folders to scan, recursively", Arity = ArgumentArity.OneOrMore };
        var database = Database();
        var config = Config();
        var command = new Command("scan", "Probe new and changed media files below the folders; drop entries of deleted ones") { folders, database, config };
        command.SetAction((result, cancellation) => ScanAsync(result.GetValue(folders)!, CatalogPath(result, database, config),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellation));
        return command;
    }

    private static Command List()
    {
        var database = Database();
        var search = new Option<string?>("--search") { Description = "Only files whose name contains this text (any case)" };
        var limit = new Option<int>("--limit") { Description = "At most this many entries", DefaultValueFactory = _ => 1000 };
        var config = Config();
        var command = new Command("list", "List the catalogued media files") { database, config, search, limit };
        command.SetAction(result => Write(CatalogPath(result, database, config), result.GetValue(search), result.GetValue(limit),
            result.InvocationConfiguration.Output));
        return command;
    }

    private static Command Markers()
    {
        var file = new Argument<string>("file") { Description = "The catalogued file (its path)" };
        var database = Database();
        var config = Config();
        string[] names = ["cue-in", "intro", "segue", "cue-out"];
        var times = names.Select(name => new Option<double?>($"--{name}") { Description = $"The {name} marker, in seconds from the file's start" }).ToArray();
        var clear = new Option<bool>("--clear") { Description = "Forget the markers set before (the scan's stay)" };
        var command = new Command("markers", "Set a file's radio markers (over those the scan found) and show those in force") { file, database, config, clear };
        foreach (var option in times)
            command.Options.Add(option);
        command.SetAction(result =>
        {
            var seconds = times.Select(option => result.GetValue(option)).ToArray();
            return SetMarkers(CatalogPath(result, database, config), result.GetValue(file)!, result.GetValue(clear), seconds, result.InvocationConfiguration.Output);
        });
        return command;
    }

    /// <summary>Sets the markers given (with --clear, forgets those set before first) and prints those in force.</summary>
    private static int SetMarkers(string databasePath, string file, bool clear, double?[] seconds, TextWriter output)
    {
        using var catalog = Open(databasePath, mustExist: true);
        var entry = catalog.Get(file) ?? throw new CliInputException($"'{file}' is not in the media catalogue at '{catalog.Path}'");
        if (seconds.FirstOrDefault(s => s is { } v && !MediaMarkers.IsTime(v)) is { } bad)
            throw new CliInputException($"{bad} is not a number of seconds from the file's start");
        var given = new MediaMarkers(Time(seconds[0]), Time(seconds[1]), Time(seconds[2]), Time(seconds[3]));
        var set = clear ? given : given.Over(entry.Set);
        if (set.Over(entry.Found).Problem(entry.Duration) is { } problem)
            throw new CliInputException($"{file}: {problem}");
        catalog.SetMarkers(file, set);
        var markers = catalog.Get(file)!.Markers;
        output.WriteLine($"{entry.Path}: cue-in {Shown(markers?.CueIn)}, intro {Shown(markers?.Intro)}, segue {Shown(markers?.Segue)}, cue-out {Shown(markers?.CueOut)}");
        return PlayoutCli.Ok;
    }

    private static TimeSpan? Time(double? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;

    private static string Shown(TimeSpan? time) => time is { } t ? t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s" : "-";

    private static async Task<int> ScanAsync(string[] folders, string databasePath, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        foreach (string folder in folders.Where(folder => !Directory.Exists(folder)))
            throw new CliInputException($"folder '{folder}' not found");
        using var catalog = Open(databasePath, mustExist: false);
        // A one-shot scan probes what is there now: whoever runs it knows no copy is in progress.
        var options = new MediaScannerOptions { Folders = folders, SettleTime = TimeSpan.Zero };
        await using var scanner = new MediaScanner(catalog, options);
        // FFmpeg's own log lines (swscale notes JPEG's pixel format for every thumbnail) would bury the progress;
        // each unplayable file's error comes with its result.
        FfmpegLogging.RouteTo(NullLogger.Instance);
        ScanSummary summary;
        try
        {
            summary = await scanner.ScanAsync(new ProgressWriter(error), cancellation);
        }
        finally
        {
            FfmpegLogging.Restore();
        }
        output.WriteLine($"scanned {string.Join(", ", folders)} into {catalog.Path}: {summary}");
        return PlayoutCli.Ok;
    }

    private static int Write(string databasePath, string? search, int limit, TextWriter output)
    {
        if (limit <= 0)
            throw new CliInputException($"--limit must be positive, not {limit}");
        using var catalog = Open(databasePath, mustExist: true);
        var page = catalog.List(search, 0, limit);
        output.WriteLine($"{"duration",12}  {"video",-28} {"audio",-22} {"loudness",-19} {"status",-10} path");
        foreach (var entry in page.Items)
            output.WriteLine(Describe(entry));
        output.WriteLine(page.Total > page.Items.Count
            ? $"{page.Items.Count} of {page.Total} file(s); --limit shows more"
            : $"{page.Total} file(s)");
        return PlayoutCli.Ok;
    }

    private static MediaCatalog Open(string path, bool mustExist)
    {
        if (mustExist && !File.Exists(path))
            throw new CliInputException($"no media catalogue at '{path}'; run 'playout media scan FOLDER' first");
        try
        {
            return MediaCatalog.Open(path);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot open media catalogue '{path}': {e.Message}");
        }
    }

    /// <summary>One line: duration, picture, sound, status and the path; an unplayable file's error follows on the next line.</summary>
    private static string Describe(MediaEntry entry)
    {
        var info = entry.Info;
        string duration = info?.Duration is { } d ? d.ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture) : "-";
        string video = info is { HasVideo: true }
            ? $"{info.Width}x{info.Height} {Rate(info.FrameRate)}{(info.Interlaced ? "i" : "p")} {info.VideoCodec}"
            : "-";
        string audio = info is { AudioChannels: > 0 } ? $"{info.AudioChannels}ch {info.AudioSampleRate} Hz {info.AudioCodec}" : "-";
        string line = $"{duration,12}  {video,-28} {audio,-22} {Loudness(entry.Loudness),-19} {(entry.Status == MediaStatus.Ok ? "ok" : "UNPLAYABLE"),-10} {entry.Path}";
        return entry.Error is null ? line : $"{line}\n{"",14}{entry.Error}";
    }

    /// <summary>"-23.0 LUFS -1.0 dBTP"; "silent"; "-" when not measured.</summary>
    private static string Loudness(MediaLoudness? loudness) => loudness switch
    {
        null => "-",
        { Integrated: var i, TruePeak: var peak } when double.IsFinite(i) =>
            string.Create(CultureInfo.InvariantCulture, $"{i:0.0} LUFS {peak:0.0} dBTP"),
        _ => "silent",
    };

    private static string Rate(Playout.Media.Formats.Rational? rate) =>
        rate is { } r ? r.ToDouble().ToString("0.##", CultureInfo.InvariantCulture) : "?";

    /// <summary>"[ 37/120]  30% clip.mxf" a line on stderr, synchronously and in order; an unplayable file's error after it.</summary>
    private sealed class ProgressWriter(TextWriter error) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value)
        {
            string done = value.Done.ToString(CultureInfo.InvariantCulture).PadLeft(value.Total.ToString(CultureInfo.InvariantCulture).Length);
            error.WriteLine($"[{done}/{value.Total}] {value.Percent,3}% {Path.GetFileName(value.Current)}");
            if (value.Error is not null)
                error.WriteLine($"  unplayable: {value.Current}: {value.Error}");
        }
    }
}
