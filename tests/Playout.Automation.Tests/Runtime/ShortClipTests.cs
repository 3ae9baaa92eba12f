using Playout.Automation.AsRun;
using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.TestSupport;

namespace Playout.Automation.Tests.Runtime;

/// <summary>Many very short clips in a row: pre-roll stays within the channel's video pool and every clip airs frame-exactly.</summary>
public class ShortClipTests
{
    private const int Clips = 80;

    /// <param name="videoFrames">The service's default pool (the 2 s pre-roll window binds), and a small one (the budget binds).</param>
    [Theory]
    [InlineData("720p50", 64)]
    [InlineData("720p50", 40)]
    [InlineData("720p59.94", 64)]
    public void Eighty_half_second_clips_in_a_row_each_cut_on_their_planned_frame_with_no_filler_and_the_pool_never_full(string format, int videoFrames)
    {
        using var folder = new TempDirectory();
        var rate = Media.Formats.VideoFormats.Parse(format).FrameRate;
        // Half a second in whole frames, as the planner rounds it: 25 at 50 fps, 30 at 59.94.
        int framesEach = (int)Math.Round(0.5 * rate.Numerator / rate.Denominator);
        var files = MakeClips(folder, rate, framesEach);
        var day = new DateOnly(2026, 11, 24);
        // The default 8 s lookahead covers 16 of these clips: opening all of them would need twice the default 64-frame pool.
        WatchedSources? sources = null;
        using var channel = new AutomatedChannel(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero), format,
            ScheduleSettings.Default, videoFrames: videoFrames, patience: TimeSpan.FromSeconds(3), sources: inner => sources = new WatchedSources(inner));
        var budget = new PrerollBudget(channel.Context.VideoPool, 0);
        // Filler, then the clips from 06:00:05, one after the other.
        channel.Load(new DaySchedule(day, [.. files.Select((file, i) => new PrimaryEvent($"clip{i:00}", PrimaryKind.Clip, file,
            Timing: i == 0 ? TimingMode.Fixed : TimingMode.Follow, Start: i == 0 ? TimeSpan.FromHours(6) + TimeSpan.FromSeconds(5) : null,
            Duration: TimeSpan.FromSeconds(0.5)))]));
        int first = (int)channel.Automation.Plan.Items.Single(i => i.Event.Id == "clip00").Start!.Value, end = first + Clips * framesEach;
        // Before each tick: clips opened that have not gone to air yet.
        int prerolled = 0;
        channel.RunUntil(end + 10, () => prerolled = Math.Max(prerolled,
            Enumerable.Range(0, Clips).Count(i => first + i * framesEach > channel.Channel.Tick && sources!.OpenedFor(files[i]).Count > 0)));

        var aired = channel.Automation.RecentAsRun.Where(e => e.Status != AsRunStatus.Filler).ToList();
        Assert.Equal(Enumerable.Range(0, Clips).Select(i => ($"clip{i:00}", AsRunStatus.Played, (long?)(first + i * framesEach), (long)framesEach)),
            aired.Select(e => (e.EventId, e.Status, e.ActualTick, e.ActualFrames)));
        Assert.All(aired, e => Assert.Equal(e.PlannedTick, e.ActualTick));
        // Every tick shows the frame it should: clip i's luma, frame k's Cb (the same frames in every clip).
        var cbOfFrame = channel.Cb.Skip(first).Take(framesEach).ToArray();
        Assert.True(cbOfFrame.Zip(cbOfFrame.Skip(1)).All(p => p.First < p.Second), $"frames of the first clip out of order: {string.Join(",", cbOfFrame)}");
        for (int i = 0; i < Clips; i++)
        {
            int start = first + i * framesEach, luma = channel.Luma[start];
            Assert.True(i == 0 || luma > channel.Luma[start - 1], $"clip {i} did not cut on tick {start}");
            Assert.Equal(Enumerable.Repeat(luma, framesEach), channel.Luma.Skip(start).Take(framesEach));
            Assert.Equal(cbOfFrame, channel.Cb.Skip(start).Take(framesEach));
        }
        Assert.Equal(0, channel.Channel.Status().Layers.Single(l => l.Number == channel.Settings.ProgrammeLayer).FillerTicks);
        Assert.InRange(prerolled, 2, budget.Producers);
        Assert.InRange(channel.PeakOutstanding, 1, channel.Context.VideoPool.Capacity - 8);
    }

    /// <summary>80 clips of <paramref name="framesEach"/> frames in one run of ffmpeg: clip i's luma is 40 + 2i, frame k's Cb 16 + 7k (8-bit), FFV1 so every frame is a key frame.</summary>
    private static string[] MakeClips(TempDirectory folder, Media.Formats.Rational rate, int framesEach)
    {
        string pattern = Path.Combine(folder.Path, "clip%02d.mkv");
        string cuts = string.Join(",", Enumerable.Range(1, Clips - 1).Select(i => i * framesEach));
        Ffmpeg.Run("-f", "lavfi", "-i", $"color=c=black:s=64x36:r={rate.Numerator}/{rate.Denominator}:d={Clips},format=yuv422p,"
            + $"geq=lum='40+2*floor(N/{framesEach})':cb='16+7*mod(N,{framesEach})':cr=128",
            "-frames:v", (Clips * framesEach).ToString(), "-c:v", "ffv1", "-g", "1", "-f", "segment", "-segment_frames", cuts, "-reset_timestamps", "1",
            pattern);
        var files = Enumerable.Range(0, Clips).Select(i => Path.Combine(folder.Path, $"clip{i:00}.mkv")).ToArray();
        Assert.All(files, file => Assert.True(File.Exists(file), file));
        return files;
    }
}
