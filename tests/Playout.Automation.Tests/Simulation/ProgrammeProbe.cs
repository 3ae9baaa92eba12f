using Playout.Engine.Consumers;
using Playout.Media.Audio;
using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Automation.Tests.Simulation;

/// <summary>The centre sample (10-bit Y, Cb, Cr) of the programme's last tick: which colour field, hence which event, was on air.</summary>
internal sealed class ProgrammeProbe : IConsumer
{
    public (long Tick, int Y, int Cb, int Cr)? Last { get; private set; }
    public string Name => "simulation probe";
    public bool NeverBlocks => true;
    public ConsumerCounters Counters => new(0, 0);

    public void Send(long tick, Frame video, AudioFrame audio)
    {
        var (y, cb, cr) = Centre(video);
        Last = (tick, y, cb, cr);
    }

    /// <summary>Y, Cb and Cr at the centre of the picture.</summary>
    public static (int Y, int Cb, int Cr) Centre(Frame frame)
    {
        int width = frame.Layout.Width;
        var y = new ushort[width];
        var cb = new ushort[width / 2];
        var cr = new ushort[width / 2];
        V210.Unpack(frame.Line(0, frame.Layout.Height / 2), y, cb, cr, width);
        return (y[width / 2], cb[width / 4], cr[width / 4]);
    }

    public void Dispose()
    {
    }
}
