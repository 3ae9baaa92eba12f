using Playout.Automation.Schedules;
using Playout.Engine.Library;
using Playout.TestSupport;

namespace Playout.Automation.Tests.Runtime;

/// <summary>
/// A song's intro in the automation's status (what the panel counts down for a presenter talking over it): on air, the
/// time left until its intro marker, counted from where the item starts in the file (its cue-in); next, the intro's
/// length; none for an item without the marker, or once the voice has come in.
/// </summary>
public class IntroCountdownTests
{
    [Fact]
    public void The_intro_counts_down_on_air_from_the_cue_in_and_the_next_songs_intro_is_its_length()
    {
        using var folder = new TempDirectory();
        string song = folder.File("song.wav"), plain = folder.File("plain.wav");
        foreach (string path in new[] { song, plain })
            Ffmpeg.Run("-f", "lavfi", "-i", "sine=frequency=440:duration=6", path);
        // The song: cue-in at 0.4 s, the voice in at 2.4 s (an intro of 2 s on air), segue at 5 s.
        var markers = new MediaMarkers(CueIn: TimeSpan.FromSeconds(0.4), Intro: TimeSpan.FromSeconds(2.4), Segue: TimeSpan.FromSeconds(5));
        using var channel = new AutomatedChannel(new DateTimeOffset(2026, 12, 6, 6, 0, 0, TimeSpan.Zero), "radio",
            media: e => new MediaTimes(TimeSpan.FromSeconds(6), e.Source == song ? markers : null));
        channel.Load(new DaySchedule(new DateOnly(2026, 12, 6),
        [
            new PrimaryEvent("first", PrimaryKind.Clip, plain, Title: "Station ID"),
            new PrimaryEvent("song", PrimaryKind.Clip, song, Title: "Song"),
        ]));
        var start = channel.Automation.Plan.Items.Where(i => !i.IsFiller).ToDictionary(i => i.Event.Id, i => i.Start!.Value);
        var time = channel.Time;

        channel.RunUntil(start["first"] + 10);
        var status = channel.Automation.Status();
        Assert.Null(status.OnAir!.Intro);
        Assert.Equal(time.Duration(time.Frames(TimeSpan.FromSeconds(2))), status.Next!.Intro);

        channel.RunUntil(start["song"] + time.Frames(TimeSpan.FromSeconds(0.5)));
        status = channel.Automation.Status();
        Assert.Equal("song", status.OnAir!.Id);
        long aired = start["song"];
        Assert.Equal(time.Duration(aired + time.Frames(TimeSpan.FromSeconds(2)) - status.Tick), status.OnAir.Intro);

        channel.RunUntil(start["song"] + time.Frames(TimeSpan.FromSeconds(2.2)));
        Assert.Null(channel.Automation.Status().OnAir!.Intro);
    }
}
