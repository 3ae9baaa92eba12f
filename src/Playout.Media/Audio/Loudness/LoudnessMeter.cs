using Playout.Media.Simd;

namespace Playout.Media.Audio.Loudness;

/// <summary>
/// An EBU R128 loudness meter (ITU-R BS.1770-4, EBU Tech 3341 and 3342) for 48 kHz interleaved float audio
/// (full scale ±1.0): momentary, short-term, integrated, loudness range, true peak and sample peak.
/// </summary>
/// <remarks>
/// Feed it every sample in order with <see cref="Add(ReadOnlySpan{float})"/> (any number of sample frames per call) or
/// <see cref="Add(AudioFrame)"/> (each tick's sound) and read <see cref="Reading"/> whenever wanted. Samples that are
/// not finite (NaN, infinity) are measured as silence.
/// After construction nothing is allocated: <see cref="Add"/> and <see cref="Reading"/> allocate zero bytes, and
/// memory stays constant however long it runs (integrated and range gating work on fixed histograms).
/// Loudness is measured in 400 ms blocks every 100 ms, aligned to the first sample added (or the last
/// <see cref="Reset"/>). One instance must not be used by two threads at once.
/// </remarks>
public sealed class LoudnessMeter
{
    /// <summary>The only rate measured: our audio's.</summary>
    public const int SampleRate = 48000;

    private const int Step = SampleRate / 10;
    private const int MomentarySteps = 4, ShortTermSteps = 30;
    private const double IntegratedRelativeGate = 10, RangeRelativeGate = 20;
    private const double RangeLow = 0.10, RangeHigh = 0.95;

    private readonly ChannelLayout _layout;
    private readonly bool _vector;
    private readonly KWeighting[] _filters;
    private readonly float[][] _peakHistory;
    private readonly float[] _scratch = new float[TruePeak.History + Step];
    private readonly double[] _stepEnergies = new double[ShortTermSteps];
    private readonly GatingHistogram _blocks = new(), _shortTerms = new();

    private int _stepFill;
    private long _steps;
    private float _samplePeak, _truePeak;
    private double _momentary, _shortTerm, _momentaryMax, _shortTermMax;
    private double _integrated, _range;
    private bool _gatedStale;

    /// <summary>A meter of <paramref name="layout"/>'s channels (e.g. <see cref="ChannelLayout.Pair"/> of a 16-channel programme).</summary>
    public LoudnessMeter(ChannelLayout layout) : this(layout, SimdPath.Auto)
    {
    }

    /// <param name="path">Scalar, or any vector path (the true-peak filter then runs 128 bits wide); the same bits either way.</param>
    internal LoudnessMeter(ChannelLayout layout, SimdPath path)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _layout = layout;
        _vector = SimdPaths.Resolve(path) != SimdPath.Scalar;
        _filters = new KWeighting[layout.Count];
        _peakHistory = [.. Enumerable.Range(0, layout.Count).Select(_ => new float[TruePeak.History])];
        Reset();
    }

    public ChannelLayout Layout => _layout;

    /// <summary>Sample frames measured since the start or the last <see cref="Reset"/>.</summary>
    public long SampleFrames { get; private set; }

    /// <summary>The figures so far (integrated and range are recomputed only when a block was added since the last read).</summary>
    public LoudnessReading Reading
    {
        get
        {
            if (_gatedStale)
            {
                _integrated = _blocks.GatedLoudness(_blocks.RelativeGate(IntegratedRelativeGate));
                _range = _shortTerms.Range(_shortTerms.RelativeGate(RangeRelativeGate), RangeLow, RangeHigh);
                _gatedStale = false;
            }
            return new LoudnessReading(_momentary, _shortTerm, _integrated, _range,
                Lufs.Decibels(_truePeak), Lufs.Decibels(_samplePeak), _momentaryMax, _shortTermMax);
        }
    }

    /// <summary>Measures the next sample frames: <see cref="ChannelLayout.Stride"/> interleaved samples each.</summary>
    /// <exception cref="ArgumentException">The samples are not whole sample frames of the layout.</exception>
    public void Add(ReadOnlySpan<float> interleaved)
    {
        int stride = _layout.Stride;
        if (interleaved.Length % stride != 0)
            throw new ArgumentException($"{interleaved.Length} samples are not whole sample frames of {stride} channels ({_layout})", nameof(interleaved));
        while (!interleaved.IsEmpty)
        {
            int frames = Math.Min(interleaved.Length / stride, Step - _stepFill);
            Measure(interleaved[..(frames * stride)], frames);
            interleaved = interleaved[(frames * stride)..];
            SampleFrames += frames;
            _stepFill += frames;
            if (_stepFill == Step)
                EndStep();
        }
    }

    /// <summary>Measures a tick's sound: <c>meter.Add(frame)</c> from a channel's per-frame callback.</summary>
    /// <exception cref="ArgumentException">The frame's channel count is not the layout's.</exception>
    public void Add(AudioFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Channels != _layout.Stride)
            throw new ArgumentException($"{frame} has {frame.Channels} channels; the meter's layout ({_layout}) reads {_layout.Stride}", nameof(frame));
        Add(frame.Samples);
    }

    /// <summary>Forgets everything measured: the meter starts again as new.</summary>
    public void Reset()
    {
        Array.Clear(_filters);
        foreach (var history in _peakHistory)
            Array.Clear(history);
        Array.Clear(_stepEnergies);
        _blocks.Clear();
        _shortTerms.Clear();
        _stepFill = 0;
        _steps = 0;
        SampleFrames = 0;
        _samplePeak = _truePeak = 0;
        _momentary = _shortTerm = _momentaryMax = _shortTermMax = _integrated = double.NegativeInfinity;
        _range = double.NaN;
        _gatedStale = false;
    }

    /// <summary>Filters and peak-meters each channel of part of one 100 ms step.</summary>
    private void Measure(ReadOnlySpan<float> interleaved, int frames)
    {
        var channels = _layout.Channels;
        var weights = _layout.Weights;
        int stride = _layout.Stride;
        var scratch = _scratch.AsSpan(0, TruePeak.History + frames);
        var samples = scratch[TruePeak.History..];
        for (int c = 0; c < channels.Length; c++)
        {
            // The channel's samples side by side after the past the true-peak filter still needs.
            var history = _peakHistory[c];
            history.CopyTo(scratch);
            float peak = _samplePeak;
            for (int i = 0, at = channels[c]; i < frames; i++, at += stride)
            {
                // A NaN or infinity (a broken source) would stay in the filters' state and the maxima for ever.
                float sample = float.IsFinite(interleaved[at]) ? interleaved[at] : 0;
                samples[i] = sample;
                peak = MathF.Max(peak, MathF.Abs(sample));
            }
            _samplePeak = peak;
            _truePeak = MathF.Max(_truePeak, TruePeak.Max(scratch, _vector));
            scratch[^TruePeak.History..].CopyTo(history);
            if (weights[c] != 0)
                _filters[c].Add(samples);
        }
    }

    /// <summary>A 100 ms step is complete: the momentary and short-term windows slide and feed the gates.</summary>
    private void EndStep()
    {
        var weights = _layout.Weights;
        double stepEnergy = 0;
        for (int c = 0; c < _filters.Length; c++)
            stepEnergy += weights[c] * _filters[c].TakeSum();
        _stepEnergies[(int)(_steps % ShortTermSteps)] = stepEnergy;
        _steps++;
        _stepFill = 0;
        if (_steps >= MomentarySteps)
        {
            double energy = WindowEnergy(MomentarySteps);
            _blocks.Add(energy);
            _momentary = Lufs.FromEnergy(energy);
            _momentaryMax = Math.Max(_momentaryMax, _momentary);
            _gatedStale = true;
        }
        if (_steps >= ShortTermSteps)
        {
            double energy = WindowEnergy(ShortTermSteps);
            _shortTerms.Add(energy);
            _shortTerm = Lufs.FromEnergy(energy);
            _shortTermMax = Math.Max(_shortTermMax, _shortTerm);
            _gatedStale = true;
        }
    }

    /// <summary>Mean square over the last <paramref name="steps"/> steps.</summary>
    private double WindowEnergy(int steps)
    {
        double sum = 0;
        for (int back = 1; back <= steps; back++)
            sum += _stepEnergies[(int)((_steps - back) % ShortTermSteps)];
        return sum / (steps * (double)Step);
    }
}
