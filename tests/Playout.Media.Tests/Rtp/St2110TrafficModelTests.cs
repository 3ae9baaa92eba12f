using Playout.Media.Formats;
using Playout.Media.Rtp;

namespace Playout.Media.Tests.Rtp;

/// <summary>ST 2110-21's models on packet schedules made to fit, or break, each sender type.</summary>
public class St2110TrafficModelTests
{
    [Fact]
    public void The_limits_for_1080p50_are_the_standards()
    {
        var model = new St2110TrafficModel(VideoFormats.Parse("1080p50"), 4320);
        Assert.Equal((5, 16, 8, 720), (model.CmaxNarrow, model.CmaxWide, model.VrxNarrow, model.VrxWide));
        Assert.Equal(0.02 * 1080 / 1125 / 4320, model.Trs, 12);
        Assert.Equal(0.02 * 43 / 1125, model.Tro, 12);
        var interlaced = new St2110TrafficModel(VideoFormats.Parse("1080i50"), 2160);
        Assert.Equal(0.02, interlaced.Period, 12);
        Assert.Equal(0.04 * 22 / 1125, interlaced.Tro, 12);
    }

    [Theory]
    [InlineData("1080p50", 4320)]
    [InlineData("1080i59.94", 2160)]
    [InlineData("576i50", 440)]
    [InlineData("2160p50", 17280)]
    public void A_packet_on_each_read_slot_is_a_narrow_sender(string mode, int packets)
    {
        var model = new St2110TrafficModel(VideoFormats.Parse(mode), packets);
        var arrivals = Enumerable.Range(0, packets).Select(k => model.Tro + k * model.Trs - model.Trs / 2).ToArray();
        var traffic = model.Measure(arrivals);
        Assert.Equal("narrow", model.Verdict(traffic));
        Assert.InRange(traffic.Cinst, 1, 2);
    }

    /// <summary>At 1080p50 a narrow sender leaves at most 5 packets in the bucket; at 2160p50, with four times the packets
    /// a frame, 20 (and its receivers hold 32), so bursts of 16 are narrow there.</summary>
    [Theory]
    [InlineData("1080p50", 4320, "wide")]
    [InlineData("2160p50", 17280, "narrow")]
    public void Bursts_of_sixteen_on_the_read_slots_fit_the_sender_type_the_rate_allows(string mode, int packets, string verdict)
    {
        var model = new St2110TrafficModel(VideoFormats.Parse(mode), packets);
        var arrivals = Enumerable.Range(0, packets).Select(k => model.Tro + k / 16 * 16 * model.Trs).ToArray();
        var traffic = model.Measure(arrivals);
        Assert.Equal(16, traffic.Cinst);
        Assert.Equal(verdict, model.Verdict(traffic));
    }

    [Fact]
    public void A_frame_sent_at_once_or_spread_over_three_quarters_of_the_frame_from_its_start_is_not_compliant()
    {
        var model = new St2110TrafficModel(VideoFormats.Parse("1080p50"), 4320);
        var burst = model.Measure(new double[4320]);
        Assert.Equal(4320, burst.Cinst);
        Assert.Equal("not compliant", model.Verdict(burst));
        // Ahead of the read schedule by a fifth of the frame at its end: more than a wide receiver's 720 packets wait.
        var early = model.Measure(Enumerable.Range(0, 4320).Select(k => k / 16 * 16 * 0.75 * 0.02 / 4320).ToArray());
        Assert.InRange(early.Vrx, 721, 4320);
        Assert.Equal("not compliant", model.Verdict(early));
    }

    /// <summary>A narrow sender's bursts are one packet fewer than its CMAX; on their slots they fit a narrow sender at every rate.</summary>
    [Theory]
    [InlineData("1080p50", 4320, 4, 4)]
    [InlineData("1080i59.94", 2160, 3, 5)]
    [InlineData("720p50", 1920, 3, 5)]
    [InlineData("2160p50", 17280, 19, 13)]
    public void A_narrow_senders_bursts_on_their_slots_are_narrow(string mode, int packets, int burst, int lead)
    {
        var model = new St2110TrafficModel(VideoFormats.Parse(mode), packets);
        Assert.Equal((burst, lead), (St2110Pacing.Narrow.BurstPackets(model), St2110Pacing.Narrow.LeadPackets(model)));
        Assert.Equal((16, 64), (St2110Pacing.Wide.BurstPackets(model), St2110Pacing.Wide.LeadPackets(model)));
        var arrivals = Enumerable.Range(0, packets).Select(k => model.Tro + k / burst * burst * model.Trs).ToArray();
        var traffic = model.Measure(arrivals);
        Assert.Equal(("narrow", burst, 0), (model.Verdict(traffic), traffic.Cinst, traffic.Late));
    }

    /// <summary>A packet more than a TRS after its read slot came too late for the receiver: its buffer ran dry.</summary>
    [Fact]
    public void Packets_after_their_read_slot_are_counted_late()
    {
        var model = new St2110TrafficModel(VideoFormats.Parse("1080p50"), 4320);
        var arrivals = Enumerable.Range(0, 4320).Select(k => model.Tro + k * model.Trs).ToArray();
        Assert.Equal(0, model.Measure(arrivals).Late);
        // The thread stalled for 50 TRS before packet 100: it and the 9 after it, sent as fast as it could catch up, came late.
        for (int k = 100; k < 110; k++)
            arrivals[k] = model.Tro + 150 * model.Trs;
        Assert.Equal(10, model.Measure(arrivals).Late);
    }
}
