using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Engine.Consumers;
using Playout.Media.Scte35;

namespace Playout.Automation.Tests.Runtime;

/// <summary>A cue goes to every output that carries SCTE-35, whichever of them refuses it.</summary>
public class StreamScte35OutputTests
{
    [Fact]
    public void An_output_that_refuses_a_cue_does_not_keep_it_from_the_others()
    {
        var refusing = new Output(new NotSupportedException("no form for it"));
        var late = new Output(new ArgumentOutOfRangeException("spliceTick", "tick 10 has already been played out"));
        var taking = new Output(null);
        new StreamScte35Output([refusing, late, taking], NullLogger.Instance).Cue(10, new Scte35Cue(7, BreakDuration: TimeSpan.FromSeconds(30)));

        var cued = Assert.Single(taking.Cued);
        Assert.Equal(10, cued.Tick);
        Assert.Equal(7u, Assert.IsType<SpliceInsert>(cued.Command).EventId);
        Assert.Single(refusing.Cued);
        Assert.Single(late.Cued);
    }

    private sealed class Output(Exception? refusal) : ISpliceOutput
    {
        public List<(long Tick, SpliceCommand Command)> Cued { get; } = [];

        public string Name => "test";

        public bool CarriesScte35 => true;

        public void CueSplice(long spliceTick, SpliceCommand command, TimeSpan preRoll, ImmutableArray<byte> descriptors = default)
        {
            Cued.Add((spliceTick, command));
            if (refusal is not null)
                throw refusal;
        }
    }
}
