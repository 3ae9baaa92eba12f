using Playout.Engine.Commands;
using Playout.Engine.Producers;
using Playout.Engine.Producers.Clips;
using Playout.Engine.Producers.Playlists;
using Playout.Engine.Stage;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

public class ClipPlaybackTests
{
    [Fact]
    public void A_clip_plays_to_the_card_as_exactly_its_frames_in_order()
    {
        using var folder = new TempDirectory();
        string clip = TestMedia.IndexedClip(folder, "indexed.mkv", frames: 40, lumaBase: 100);
        using var test = new CardChannel();
        var seen = test.RecordValues(360, 288);
        test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new ClipProducer(test.Context, clip))));
        test.Channel.RunTicks(45);

        // Frames 0..39, each once, then the layer is empty (the clip ended): black.
        Assert.Equal(Enumerable.Range(100, 40).Concat(Enumerable.Repeat(16, 5)), seen);
        Assert.Equal(0, test.Output.Counters.Underruns);
        Assert.Empty(test.Alarms.Active);
    }

    [Fact]
    public void A_url_naming_the_file_protocol_is_refused_by_ffmpeg_while_the_same_file_plays_by_its_path()
    {
        using var folder = new TempDirectory();
        string clip = TestMedia.IndexedClip(folder, "indexed.mkv", frames: 5, lumaBase: 100);
        using var test = new CardChannel();
        var seen = test.RecordValues(360, 288);
        test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new ClipProducer(test.Context, "file:" + clip))));
        test.Channel.Execute(StageCommands.Load(2, CardChannel.Preroll(new ClipProducer(test.Context, clip))));
        test.Channel.RunTicks(3);

        var alarm = Assert.Single(test.Alarms.Active, a => a.Source == "channel 1/layer 1");
        Assert.Contains("file:" + clip, alarm.Message);
        Assert.Equal([100, 101, 102], seen);
    }

    [Fact]
    public void A_steady_tick_playing_a_clip_under_graphics_allocates_nothing()
    {
        using var folder = new TempDirectory();
        string clip = TestMedia.IndexedClip(folder, "indexed.mkv", frames: 30, lumaBase: 100);
        using var test = new CardChannel();
        test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new ClipProducer(test.Context, clip, new ClipOptions(Loop: true)))));
        test.Channel.Execute(StageCommands.Load(2, SyntheticProducers.Color(test.Context, "white")));
        test.Channel.Execute(StageCommands.Transform(2, new PictureTransform(120, 100, 4)));
        test.Channel.RunTicks(150);

        // The decoder thread allocates as it likes; the tick thread, which waits for and takes its frames, does not.
        // Locks and semaphores shared with the decoder allocate once, the first time they are contended, which on a
        // busy machine can happen late; so of several 100-tick windows (each three passes through the clip), one
        // must be clean. An allocation made every tick, or at every loop, would show in all of them.
        var windows = new List<long>();
        for (int i = 0; i < 5 && (windows.Count == 0 || windows[^1] > 0); i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            test.Channel.RunTicks(100);
            windows.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.Equal(0, windows.Min());
        Assert.Equal(0, test.Channel.Status().Layers.First().FillerTicks);
    }

    [Fact]
    public void In_and_out_points_and_a_loop_play_the_same_span_again_without_a_gap()
    {
        using var folder = new TempDirectory();
        string clip = TestMedia.IndexedClip(folder, "indexed.mkv", frames: 30, lumaBase: 100);
        using var test = new CardChannel();
        var seen = test.RecordValues(360, 288);
        var options = new ClipOptions(In: TimeSpan.FromSeconds(0.2), Out: TimeSpan.FromSeconds(0.6), Loop: true);
        test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new ClipProducer(test.Context, clip, options))));
        test.Channel.RunTicks(25);

        // 0.2 s .. 0.6 s at 25 fps is frames 5..14; looped twice and a half.
        var span = Enumerable.Range(105, 10);
        Assert.Equal(span.Concat(span).Concat(span.Take(5)), seen);
    }

    [Fact]
    public void Pause_holds_the_frame_play_resumes_from_it_and_seek_jumps_to_the_frame_at_that_time()
    {
        using var folder = new TempDirectory();
        string clip = TestMedia.IndexedClip(folder, "indexed.mkv", frames: 50, lumaBase: 100);
        using var test = new CardChannel();
        var seen = test.RecordValues(360, 288);
        test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new ClipProducer(test.Context, clip))));
        test.Channel.Execute(StageCommands.Pause(1, atTick: 5));
        test.Channel.Execute(StageCommands.Play(1, atTick: 8));
        test.Channel.RunTicks(10);
        test.Channel.Execute(StageCommands.Seek(1, TimeSpan.FromSeconds(1.2)));
        test.Channel.RunTicks(1);
        // The first frame after a seek may need decoding; wait as an operator would, then look.
        Thread.Sleep(300);
        test.Channel.RunTicks(3);

        // 0..4 play, ticks 5..7 hold frame 4, then 5, 6; after the seek to 1.2 s, frames from 30 on.
        Assert.Equal([100, 101, 102, 103, 104, 104, 104, 104, 105, 106], seen.Take(10));
        var afterSeek = seen.Skip(10).Where(v => v != 16).ToArray();
        Assert.NotEmpty(afterSeek);
        Assert.InRange(afterSeek[0], 130, 134);
        Assert.Equal(Enumerable.Range(afterSeek[0], afterSeek.Length), afterSeek);
    }

    [Fact]
    public async Task A_playlist_that_has_ended_leaves_an_empty_layer_that_can_be_stopped_and_loaded_again()
    {
        using var folder = new TempDirectory();
        string clip = TestMedia.IndexedClip(folder, "short.mkv", frames: 5, lumaBase: 100);
        using var test = new CardChannel();
        var seen = test.RecordValues(360, 288);
        _ = test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new PlaylistProducer(test.Context, "once", [new(clip, ClipOptions.Default)], loop: false))));
        test.Channel.RunTicks(8);
        Assert.Equal("once: ended", test.Channel.Status().Layers.Single().Foreground);
        var stop = test.Channel.Execute(StageCommands.Stop(1));
        var reload = test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new ClipProducer(test.Context, clip))));
        test.Channel.RunTicks(2);

        Assert.Equal(8, await stop);
        Assert.Equal(8, await reload);
        Assert.Equal([100, 101, 102, 103, 104, 16, 16, 16, 100, 101], seen);
    }

    [Fact]
    public void A_clip_at_half_the_channel_rate_repeats_each_frame_twice()
    {
        using var folder = new TempDirectory();
        string clip = TestMedia.IndexedClip(folder, "indexed.mkv", frames: 10, lumaBase: 100, size: "1280x720", rate: 25);
        using var test = new CardChannel(format: "720p50");
        var seen = test.RecordValues(640, 360);
        test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new ClipProducer(test.Context, clip))));
        test.Channel.RunTicks(20);

        Assert.Equal(Enumerable.Range(100, 10).SelectMany(i => new[] { i, i }), seen);
    }

    [Fact]
    public void A_4_3_clip_on_an_hd_channel_is_pillarboxed_in_black()
    {
        using var folder = new TempDirectory();
        string clip = TestMedia.IndexedClip(folder, "sd.mkv", frames: 5, lumaBase: 200, size: "640x480");
        using var test = new CardChannel(format: "720p50");
        var samples = new List<(int Left, int Centre, int Right)>();
        test.Output.OnScanOut = (_, video, _) => samples.Add((Pixels.Luma(video, 100, 360), Pixels.Luma(video, 640, 360), Pixels.Luma(video, 1180, 360)));
        test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new ClipProducer(test.Context, clip))));
        test.Channel.RunTicks(2);

        // 4:3 in 16:9 at 720 lines is 960 wide, centred: columns 160..1119 carry the picture.
        Assert.Equal(64, samples[0].Left);
        Assert.Equal(200, TestMedia.LumaToValue(samples[0].Centre));
        Assert.Equal(64, samples[0].Right);
    }

    [Fact]
    public void Flash_frames_and_their_tone_bursts_leave_the_card_in_the_same_frame()
    {
        using var folder = new TempDirectory();
        int[] flashes = [7, 23, 41];
        string clip = TestMedia.FlashAndBeep(folder, "sync.mkv", flashes);
        using var test = new CardChannel();
        var frames = new List<(bool Flash, bool Tone)>();
        test.Output.OnScanOut = (_, video, audio) =>
        {
            float peak = 0;
            foreach (var s in audio!.Samples)
                peak = Math.Max(peak, Math.Abs(s));
            frames.Add((Pixels.Luma(video, 360, 288) > 500, peak > 0.1f));
        };
        test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new ClipProducer(test.Context, clip))));
        test.Channel.RunTicks(50);

        Assert.Equal(flashes, frames.Select((f, i) => (f, i)).Where(x => x.f.Flash).Select(x => x.i));
        Assert.Equal(flashes, frames.Select((f, i) => (f, i)).Where(x => x.f.Tone).Select(x => x.i));
    }

    [Fact]
    public void A_corrupt_and_a_missing_file_in_a_playlist_get_filler_for_their_planned_time_and_the_next_clip_starts_on_time()
    {
        using var folder = new TempDirectory();
        var (first, last, corrupt, missing) = PlaylistFiles(folder);
        using var test = new CardChannel();
        var seen = test.RecordValues(360, 288);
        PlaylistItem[] items =
        [
            new(first, ClipOptions.Default),
            new(corrupt, ClipOptions.Default, TimeSpan.FromSeconds(0.4)),
            new(missing, ClipOptions.Default, TimeSpan.FromSeconds(0.2)),
            new(last, ClipOptions.Default),
        ];
        test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(new PlaylistProducer(test.Context, "playlist", items, loop: false))));
        var alarms = new List<string>();
        for (int tick = 0; tick < 40; tick++)
        {
            test.Channel.RunTicks(1);
            alarms.AddRange(test.Alarms.Active.Select(a => a.Message));
        }

        // 20 frames of the first clip, 10 + 5 ticks of black filler (16 = black's 8-bit luma), then the last clip on time.
        Assert.Equal(Enumerable.Range(100, 20).Concat(Enumerable.Repeat(16, 15)).Concat(Enumerable.Range(150, 5)), seen);
        Assert.Contains(alarms, a => a.Contains("corrupt.mp4") && a.Contains("Invalid data"));
        Assert.Contains(alarms, a => a.Contains("missing.mov") && a.Contains("No such file"));
        Assert.Empty(test.Alarms.Active);
    }

    [Fact]
    public void A_damaged_or_missing_clip_with_no_planned_time_is_passed_over_without_a_gap_under_an_alarm_until_it_plays()
    {
        using var folder = new TempDirectory();
        var (first, last, corrupt, missing) = PlaylistFiles(folder);
        using var test = new CardChannel();
        var seen = test.RecordValues(360, 288);
        PlaylistItem[] items = [new(first, ClipOptions.Default), new(corrupt, ClipOptions.Default), new(missing, ClipOptions.Default), new(last, ClipOptions.Default)];
        var playlist = new PlaylistProducer(test.Context, "playlist", items, loop: true);
        test.Channel.Execute(StageCommands.Load(1, CardChannel.Preroll(playlist)));
        // The damaged items fail while the first plays (each opens off the tick once the one before is passed over):
        // on this unthrottled clock, the first ticks of each of its turns (ticks 0 and 30) leave them the time real ones
        // would. Without that on the second turn, a loaded machine let the first clip end before they had failed again.
        for (int tick = 0; tick < 60; tick++)
        {
            test.Channel.RunTicks(1);
            Thread.Sleep(tick % 30 < 6 ? 300 : 0);
        }

        // The first clip, then the last at once, then the first again: never a frame of filler between them.
        Assert.Equal(Enumerable.Range(100, 20).Concat(Enumerable.Range(150, 10)).Concat(Enumerable.Range(100, 20)).Concat(Enumerable.Range(150, 10)), seen);
        Assert.Contains(test.Alarms.Active, a => a.Source == "channel 1/playlist/item 2" && a.Message.Contains("corrupt.mp4") && a.Message.Contains("Invalid data"));
        Assert.Contains(test.Alarms.Active, a => a.Source == "channel 1/playlist/item 3" && a.Message.Contains("missing.mov") && a.Message.Contains("No such file"));

        // A file put right plays on its next turn and its alarm clears.
        File.Copy(TestMedia.IndexedClip(folder, "fixed.mkv", frames: 5, lumaBase: 200), missing);
        test.Channel.RunTicks(60);
        Assert.DoesNotContain(test.Alarms.Active, a => a.Source == "channel 1/playlist/item 3");
        Assert.Contains(test.Alarms.Active, a => a.Source == "channel 1/playlist/item 2");
        // A playlist taken off air takes its alarms with it (it is disposed off the tick).
        test.Channel.Execute(StageCommands.Stop(1));
        test.Channel.RunTicks(1);
        Assert.True(SpinWait.SpinUntil(() => test.Alarms.Active.Count == 0, 5000), string.Join("; ", test.Alarms.Active.Select(a => a.Source)));
    }

    /// <summary>A 20-frame clip (luma 100 up), a 10-frame one (150 up), a corrupt file and a missing one.</summary>
    private static (string First, string Last, string Corrupt, string Missing) PlaylistFiles(TempDirectory folder) =>
        (TestMedia.IndexedClip(folder, "first.mkv", frames: 20, lumaBase: 100), TestMedia.IndexedClip(folder, "last.mkv", frames: 10, lumaBase: 150),
         folder.Write("corrupt.mp4", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))]), folder.File("missing.mov"));
}
