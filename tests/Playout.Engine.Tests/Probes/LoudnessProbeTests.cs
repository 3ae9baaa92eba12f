using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Probes;
using Playout.Media.Formats;
using Playout.Media.Frames;

namespace Playout.Engine.Tests.Probes;

/// <summary>The channel's loudness probe: live meters, each item measured from its first frame to its last, and the target alarms.</summary>
public sealed class LoudnessProbeTests : IDisposable
{
    private readonly AlarmBoard _alarms = new(NullLogger.Instance);
    private ChannelContext _context = null!;
    private Frame _picture = null!;
    private long _phase;

    public LoudnessProbeTests() => Use("720p50");

    public void Dispose()
    {
        _picture.Release();
        _context.Dispose();
        _alarms.Dispose();
    }

    /// <summary>The channel the probe runs on: 720p50 unless a test asks for another mode.</summary>
    private void Use(string format)
    {
        _picture?.Release();
        _context?.Dispose();
        _context = new ChannelContext("c", VideoFormats.Parse(format), 8, 16, NullLogger.Instance, _alarms);
        _picture = _context.VideoPool.Rent();
        _picture.Commit();
    }

    /// <summary>
    /// One tick's sound (the format's cadence: 960 samples at 50 fps, 800 or 801 at 59.94): a 1 kHz sine of peak
    /// <paramref name="dbfs"/> on the first pair (EBU Tech 3341 case 1: −23 dBFS reads −23 LUFS).
    /// </summary>
    private void Tick(LoudnessProbe probe, long tick, double dbfs, float spike = 0)
    {
        var cadence = _context.Format.AudioCadence;
        int count = cadence[(int)(tick % cadence.Count)];
        var audio = _context.AudioPool.Rent();
        var samples = audio.Write(count);
        double amplitude = Math.Pow(10, dbfs / 20);
        for (int i = 0; i < count; i++, _phase++)
        {
            float value = (float)(amplitude * Math.Sin(2 * Math.PI * 1000 * _phase / 48000));
            samples[i * audio.Channels] = samples[i * audio.Channels + 1] = value;
        }
        if (spike != 0)
            samples[count / 2 * audio.Channels] = spike;
        audio.Commit();
        try
        {
            probe.Process(tick, _picture, audio);
        }
        finally
        {
            audio.Release();
        }
    }

    [Theory]
    [InlineData("720p50")]
    [InlineData("720p59.94")]
    [InlineData("1080i59.94")]
    [InlineData("1080p29.97")]
    public void Each_item_is_measured_from_its_first_frame_to_its_last_though_the_automation_marks_it_late(string format)
    {
        Use(format);
        var probe = new LoudnessProbe(_context, LoudnessSettings.Default);
        var measured = new List<ItemLoudness>();
        using var _ = probe.Subscribe(measured.Add);
        probe.MarkItem(0, "quiet");
        for (long tick = 0; tick < 500; tick++)
        {
            // "loud" airs at 250; the automation learns of it 8 frames later.
            if (tick == 258)
                probe.MarkItem(250, "loud");
            Tick(probe, tick, tick < 250 ? -33 : -20);
        }
        probe.Dispose();

        Assert.Equal([("quiet", 0L, 250L), ("loud", 250L, 500L)], measured.Select(m => (m.Key, m.StartTick, m.EndTick)));
        Assert.Equal(-33.0, measured[0].Integrated!.Value, 0.1);
        Assert.Equal(-20.0, measured[1].Integrated!.Value, 0.1);
        Assert.InRange(measured[1].TruePeak!.Value, -20.1, -19.5);
    }

    [Fact]
    public void The_live_meters_read_the_programme_and_a_reset_starts_them_again()
    {
        var probe = new LoudnessProbe(_context, LoudnessSettings.Default);
        for (long tick = 0; tick < 200; tick++)
            Tick(probe, tick, -23);
        var live = Assert.Single(probe.Status().Meters);
        Assert.Equal(("programme", -23.0, -23.0, -23.0), (live.Name, live.Momentary, live.ShortTerm, live.Integrated));
        Assert.Equal(-23, probe.Status().Target);

        probe.ResetMeters();
        for (long tick = 200; tick < 230; tick++)
            Tick(probe, tick, -40);
        var reset = probe.Status().Meters[0];
        Assert.Equal(-40.0, reset.Momentary!.Value, 0.1);
        Assert.Equal(-40.0, reset.Integrated!.Value, 0.1);
        Assert.InRange(reset.TruePeak!.Value, -40.1, -39.5);
        probe.Dispose();
    }

    [Fact]
    public void An_item_off_its_target_past_the_tolerance_raises_an_alarm_that_stands_until_an_item_is_judged_on_target()
    {
        var probe = new LoudnessProbe(_context, LoudnessSettings.Default with { Tolerance = 2 });
        probe.MarkItem(0, "promo");
        long tick = 0;
        // 9 s of -18 LUFS (judged only after 10 s of the item), measured a second behind.
        for (; tick < 9 * 50 + 50; tick++)
            Tick(probe, tick, -18);
        Assert.False(_alarms.IsActive("c/loudness"));
        for (; tick < 12 * 50 + 50; tick++)
            Tick(probe, tick, -18);
        var alarm = Assert.Single(_alarms.Active, a => a.Source == "c/loudness");
        Assert.Equal("item promo: integrated -18.0 LUFS, +5.0 LU from the target -23 LUFS (tolerance 2 LU)", alarm.Message);
        Assert.Equal(AlarmSeverity.Warning, alarm.Severity);

        // The next item, on target, is judged 10 s into it (a second behind): until then the alarm stands, then it clears.
        probe.MarkItem(tick, "news");
        for (long end = tick + 9 * 50 + 50; tick < end; tick++)
            Tick(probe, tick, -23);
        Assert.Equal(alarm.Id, Assert.Single(_alarms.Active, a => a.Source == "c/loudness").Id);
        for (long end = tick + 2 * 50; tick < end; tick++)
            Tick(probe, tick, -23);
        Assert.False(_alarms.IsActive("c/loudness"));
        probe.Dispose();
    }

    [Fact]
    public void A_programme_staying_off_target_formats_its_alarm_when_the_figure_moves_not_every_frame()
    {
        var probe = new LoudnessProbe(_context, LoudnessSettings.Default with { Tolerance = 2 });
        probe.MarkItem(0, "promo");
        long tick = 0;
        for (; tick < 12 * 50; tick++)
            Tick(probe, tick, -18);
        var alarm = Assert.Single(_alarms.Active, a => a.Source == "c/loudness");
        // A steady tone: the integrated figure stays at -18.0 LUFS, so each frame's judgement says nothing new.
        Tick(probe, tick++, -18);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (long end = tick + 5 * 50; tick < end; tick++)
            Tick(probe, tick, -18);
        long perFrame = (GC.GetAllocatedBytesForCurrentThread() - before) / (5 * 50);
        Assert.True(perFrame < 64, $"{perFrame} bytes allocated per frame while the message stays the same");
        Assert.Equal(alarm.Message, Assert.Single(_alarms.Active, a => a.Source == "c/loudness").Message);

        // A figure that moves is still said: the next item, louder, updates the message.
        probe.MarkItem(tick, "loud");
        for (long end = tick + 12 * 50; tick < end; tick++)
            Tick(probe, tick, -14);
        Assert.StartsWith("item loud: integrated -14.0 LUFS", Assert.Single(_alarms.Active, a => a.Source == "c/loudness").Message);
        probe.Dispose();
    }

    [Fact]
    public void A_true_peak_over_the_ceiling_raises_an_alarm_at_once_and_an_item_under_it_clears_it()
    {
        var probe = new LoudnessProbe(_context, LoudnessSettings.Default);
        probe.MarkItem(0, "jingle");
        for (long tick = 0; tick < 80; tick++)
            Tick(probe, tick, -30, spike: tick == 5 ? 0.99f : 0);
        var alarm = Assert.Single(_alarms.Active, a => a.Source == "c/true-peak");
        Assert.StartsWith("item jingle: true peak ", alarm.Message);
        Assert.EndsWith("dBTP, over the ceiling of -1 dBTP", alarm.Message);

        // An item that ends under the ceiling ends it.
        probe.MarkItem(80, "quiet");
        probe.MarkItem(200, "next");
        for (long tick = 80; tick < 260; tick++)
            Tick(probe, tick, -30);
        Assert.False(_alarms.IsActive("c/true-peak"));
        probe.Dispose();
    }
}
