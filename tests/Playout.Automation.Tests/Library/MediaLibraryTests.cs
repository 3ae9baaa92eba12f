using Microsoft.Extensions.Logging.Abstractions;
using Playout.Automation.Library;
using Playout.Automation.Schedules;
using Playout.Automation.Tests.Runtime;
using Playout.TestSupport;

namespace Playout.Automation.Tests.Library;

/// <summary>The library's one entry point: open and scan, clip lengths for the planner, and the channels' 24-hour media check.</summary>
public sealed class MediaLibraryTests(TestMedia media) : IClassFixture<TestMedia>, IDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 24);
    private static readonly DateTimeOffset Epoch = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_library_gives_lengths_and_raises_a_channels_media_alarm_for_a_scheduled_file_it_does_not_have()
    {
        string folder = Path.Combine(_folder.Path, "media");
        TestMedia.CopyTo(media.Clip, folder, "clip.mp4");
        using var channel = new AutomatedChannel(Epoch);
        var options = new MediaLibraryOptions(Path.Combine(_folder.Path, "state", "media.db"), new MediaScannerOptions { Folders = [folder] },
            name => Path.Combine(folder, name));
        await using var library = await MediaLibrary.Open(options, NullLogger.Instance, CancellationToken.None);

        Assert.InRange(library.LengthOf("clip.mp4")!.Value.TotalSeconds, 1.9, 2.1);
        Assert.Null(library.LengthOf("missing.mxf"));
        Assert.Null(library.LengthOf("udp://239.0.0.1:5000"));

        channel.Load(new DaySchedule(Day,
        [
            new PrimaryEvent("a", PrimaryKind.Clip, "clip.mp4", Duration: TimeSpan.FromSeconds(1)),
            new PrimaryEvent("b", PrimaryKind.Clip, "missing.mxf", Duration: TimeSpan.FromSeconds(5)),
        ]));
        library.Watch([new MediaWatchChannel("channel 1", channel.Automation, channel.Time)], channel.Alarms);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!channel.Alarms.IsActive("channel 1/media") && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        var alarm = Assert.Single(channel.Alarms.Active, a => a.Source == "channel 1/media");
        Assert.Contains("1 scheduled item(s)", alarm.Message);
        Assert.Contains("missing.mxf' is not in the media library", alarm.Message);
    }
}
