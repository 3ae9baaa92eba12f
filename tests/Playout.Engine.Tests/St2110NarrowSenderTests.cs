using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Consumers;
using Playout.Engine.Modules;
using Playout.Media.Formats;
using Playout.Media.Rtp;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

/// <summary>
/// An "st2110" output with <c>"pacing": "narrow"</c>: its SDP declares a narrow sender, and each field's packets, timed by
/// the kernel as they reach a loopback socket, fit ST 2110-21's narrow limits (CMAX and VRX_FULL), where the wide sender's
/// bursts of 16 do not. Real time: the sender spins to each burst's slot.
/// </summary>
[Trait(RealTime.Trait, RealTime.Value)]
[Collection(nameof(RunsAlone))]
public class St2110NarrowSenderTests
{
    [Theory]
    [InlineData("720p50")]
    [InlineData("1080i50")]
    public void Every_field_of_a_narrow_sender_fits_the_narrow_model(string formatName)
    {
        var (model, fields, sdp) = Measure(formatName, "narrow");
        Assert.Contains("TP=2110TPN;", sdp);
        Assert.True(fields.Count >= 4, $"{fields.Count} whole fields measured");
        Assert.All(fields, field => Assert.Equal("narrow", model.Verdict(field)));
    }

    [Fact]
    public void A_wide_senders_fields_do_not_fit_the_narrow_model()
    {
        var (model, fields, sdp) = Measure("720p50", "wide");
        Assert.Contains("TP=2110TPW;", sdp);
        Assert.True(fields.Count >= 4, $"{fields.Count} whole fields measured");
        Assert.All(fields, field => Assert.Equal("wide", model.Verdict(field)));
    }

    [Fact]
    public void A_sender_type_it_does_not_know_is_named()
    {
        using var context = new ChannelContext("c", VideoFormats.Parse("720p50"), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        var error = Assert.Throws<ModuleSettingException>(() => new ModuleRegistry(StandardModules.All).CreateConsumer("st2110",
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", "127.0.0.1:5004").With("pacing", "linear"))));
        Assert.Equal("pacing", error.Key);
        Assert.Contains("'linear'", error.Message);
    }

    /// <summary>Sends six frames through the output and measures each whole field but the first and the last, from its first packet's arrival less TRO.</summary>
    private static (St2110TrafficModel Model, List<St2110Traffic> Fields, string Sdp) Measure(string formatName, string pacing)
    {
        using var context = new ChannelContext("c", VideoFormats.Parse(formatName), 2, 2, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        using var receiver = new KernelStampedReceiver();
        using var consumer = (St2110Consumer)new ModuleRegistry(StandardModules.All).CreateConsumer("st2110",
            new ConsumerRequest(context, ModuleSettings.Empty.With("destination", receiver.EndPoint.ToString()).With("pacing", pacing)));
        var frame = context.VideoPool.Rent();
        frame.Commit();
        var audio = context.AudioPool.Rent();
        audio.Commit();
        for (long tick = 0; tick < 6; tick++)
            consumer.Send(tick, frame, audio);
        frame.Release();
        audio.Release();
        string sdp = consumer.Sdp;
        // Disposing waits for the output's sending thread to send what it was handed.
        consumer.Dispose();
        var model = consumer.Traffic;
        // A field's packets share its RTP timestamp; the sequence number's extension (RFC 4175's payload header) above its
        // 16 bits keeps a field's order across a wrap.
        var fields = receiver.Stop().GroupBy(d => d.Timestamp)
            .Select(g => g.OrderBy(d => d.Sequence).Select(d => d.At).ToArray())
            .Where(f => f.Length == model.Packets).Skip(1).SkipLast(1)
            .Select(arrivals => model.Measure([.. arrivals.Select(at => (double)(at - arrivals[0]) / System.Diagnostics.Stopwatch.Frequency + model.Tro)])).ToList();
        return (model, fields, sdp);
    }
}
