using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Engine.Consumers;
using Playout.Media.Scte35;

namespace Playout.Automation.Tests.Runtime;

/// <summary>A cue goes to every output that carries SCTE-35, whichever of them refuses it.</summary>
public class SpliceOutputsTests
{
    [Fact]
    public void An_output_that_refuses_a_cue_does_not_keep_it_from_the_others()
    {
        var refusing = new Output(new NotSupportedException("no form for it"));
        var late = new Output(new ArgumentOutOfRangeException("spliceTick", "tick 10 has already been played out"));
        var taking = new Output(null);
        new SpliceOutputs([refusing, late, taking], NullLogger.Instance).Cue(10, new Scte35Cue(7, BreakDuration: TimeSpan.FromSeconds(30)));

        var cued = Assert.Single(taking.Cued);
        Assert.Empty(cued.Descriptors);
        Assert.Equal(10, cued.Tick);
        Assert.Equal(7u, Assert.IsType<SpliceInsert>(cued.Command).EventId);
        Assert.Single(refusing.Cued);
        Assert.Single(late.Cued);
    }

    [Fact]
    public void A_cue_with_segmentation_sends_its_descriptor_with_the_cues_id_and_duration_where_it_has_none()
    {
        var output = new Output(null);
        var cue = new Scte35Cue(0x99, BreakDuration: TimeSpan.FromSeconds(90), TimeSignal: true,
            Segmentation: new Scte35Segmentation(0x34, UpidType: 0x0C, Upid: "0x4142", SegmentNum: 1, SegmentsExpected: 3));
        new SpliceOutputs([output], NullLogger.Instance).Cue(50, cue);

        var (_, command, descriptors) = Assert.Single(output.Cued);
        Assert.IsType<TimeSignal>(command);
        var descriptor = SegmentationDescriptor.Decode(descriptors.AsSpan()[2..]);
        Assert.Equal(new SegmentationDescriptor(0x99, 0x34, 1, 3, 90 * 90_000, 0x0C, [0x41, 0x42]), descriptor);

        // Its own id and duration win; without segmentation no descriptor goes.
        new SpliceOutputs([output], NullLogger.Instance).Cue(60, cue with { Segmentation = new Scte35Segmentation(0x10, EventId: 5, Duration: TimeSpan.FromSeconds(1.5)) });
        new SpliceOutputs([output], NullLogger.Instance).Cue(70, cue with { Segmentation = null });
        Assert.Equal((5u, 135_000UL), SegmentationDescriptor.Decode(output.Cued[1].Descriptors.AsSpan()[2..]) is var d ? (d.EventId, d.Duration) : default);
        Assert.Empty(output.Cued[2].Descriptors);
    }

    [Fact]
    public void A_segmentation_that_cannot_be_written_leaves_the_cue_without_it_rather_than_stop_the_automation()
    {
        var output = new Output(null);
        var tooLong = new Scte35Segmentation(0x34, UpidType: 0x0F, Upid: new string('u', 250));
        new SpliceOutputs([output], NullLogger.Instance).Cue(40, new Scte35Cue(5, TimeSignal: true, Segmentation: tooLong));

        var (tick, command, descriptors) = Assert.Single(output.Cued);
        Assert.Equal(40, tick);
        Assert.IsType<TimeSignal>(command);
        Assert.Empty(descriptors);
    }

    private sealed class Output(Exception? refusal) : ISpliceOutput
    {
        public List<(long Tick, SpliceCommand Command, ImmutableArray<byte> Descriptors)> Cued { get; } = [];

        public string Name => "test";

        public bool CarriesScte35 => true;

        public void CueSplice(long spliceTick, SpliceCommand command, TimeSpan preRoll, ImmutableArray<byte> descriptors = default)
        {
            Cued.Add((spliceTick, command, descriptors));
            if (refusal is not null)
                throw refusal;
        }
    }
}
