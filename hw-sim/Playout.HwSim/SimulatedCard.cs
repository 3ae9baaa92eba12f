using System.Diagnostics;
using Playout.Engine.Clocks;
using Playout.Engine.Devices;
using Playout.Media.Formats;

namespace Playout.HwSim;

/// <summary>
/// A capture/playback card in software: its own frame clock (vertical syncs counted from the time elapsed since the card
/// started, and a thread scanning out and signalling each sync on absolute deadlines, with configurable jitter), inputs carrying a test signal, outputs that record what they
/// play, and faults on demand. It implements the same <see cref="IVideoCard"/> a real card's driver does.
/// </summary>
public sealed class SimulatedCard : IVideoCard
{
    private readonly SimulatedReference _reference;
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly SimulatedInput[] _inputs;
    private readonly SimulatedOutput[] _outputs;
    private readonly SimulatedCardOptions _options;
    private readonly Thread? _clock;
    private volatile bool _closing;

    public SimulatedCard(VideoFormat format, SimulatedCardOptions? options = null)
    {
        _options = options ?? new SimulatedCardOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.Inputs);
        ArgumentOutOfRangeException.ThrowIfNegative(_options.Outputs);
        ArgumentOutOfRangeException.ThrowIfNegative(_options.JitterMicroseconds);
        Format = format;
        Name = $"hw-sim card {_options.Index}";
        bool onSend = _options.Timing == CardTiming.OnSend;
        // A card that scans out on send has no clock of its own: no syncs.
        _reference = onSend ? new SimulatedReference()
            : new SimulatedReference(() => SyncsAt(Stopwatch.GetTimestamp()), TimeSpan.FromSeconds(format.FrameDuration.ToDouble()));
        _inputs = [.. Enumerable.Range(0, _options.Inputs).Select(i => new SimulatedInput(i, format, captureOnDemand: onSend))];
        _outputs = [.. Enumerable.Range(0, _options.Outputs).Select(i => new SimulatedOutput(i, format, _options) { ScanOutOnSend = onSend })];
        if (!onSend)
        {
            _clock = new Thread(RunClock) { Name = $"{Name} vsync", IsBackground = true };
            _clock.Start();
        }
    }

    public string Name { get; }
    public VideoFormat Format { get; }
    public IReferenceClock Reference => _reference;
    public IReadOnlyList<ICardInput> Inputs => _inputs;
    public IReadOnlyList<ICardOutput> Outputs => _outputs;

    /// <summary>The outputs with their recording and checks.</summary>
    public IReadOnlyList<SimulatedOutput> SimulatedOutputs => _outputs;

    /// <summary>Vertical syncs so far.</summary>
    public long Syncs => _reference.Count;

    /// <summary>Starts or ends a fault; <paramref name="index"/> picks the input or output it concerns (ignored for reference loss).</summary>
    public void SetFault(CardFault fault, bool active, int index = 0)
    {
        switch (fault)
        {
            case CardFault.ReferenceLoss: _reference.SetLost(active); break;
            case CardFault.InputLoss: _inputs[index].SetLost(active); break;
            case CardFault.LateDma: _outputs[index].LateDma = active; break;
            case CardFault.Underrun: _outputs[index].DropDma = active; break;
            default: throw new ArgumentOutOfRangeException(nameof(fault), fault, "unknown fault");
        }
    }

    public void Dispose()
    {
        _closing = true;
        _clock?.Join();
        foreach (var output in _outputs)
            output.Close();
        foreach (var input in _inputs)
            input.Stop();
    }

    private void RunClock()
    {
        // A card's sync is an interrupt: busy decoders at nice −5 must not hold it back and make ticks late that a real card
        // would not. Where raising is not permitted it stays normal (the channel's tick has logged why).
        CardThreads.RaiseAsInterrupt();
        var random = new Random(_options.Seed);
        var rate = Format.FrameRate;
        double jitterTicks = _options.JitterMicroseconds * Stopwatch.Frequency / 1e6;
        // A thread that falls behind catches up slot by slot (the outputs repeat, as a card's hardware does), while the sync
        // count a channel reads already follows elapsed time.
        for (long n = 1; !_closing; n++)
        {
            long due = _start + (long)((Int128)n * Stopwatch.Frequency * rate.Denominator / rate.Numerator);
            PreciseWait.Until(due + (long)((random.NextDouble() * 2 - 1) * jitterTicks));
            long now = Stopwatch.GetTimestamp();
            foreach (var output in _outputs)
                output.ScanOut(now);
            foreach (var input in _inputs)
                input.Capture();
            _reference.Signal(n);
        }
    }

    private long SyncsAt(long timestamp)
    {
        var rate = Format.FrameRate;
        return (long)(((Int128)timestamp - _start) * rate.Numerator / ((Int128)Stopwatch.Frequency * rate.Denominator));
    }
}
