using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Mixing;
using Playout.Engine.Producers;
using Playout.Media.Audio;
using Playout.Media.Frames;

namespace Playout.Engine.Stage;

/// <summary>
/// One numbered layer of a channel's stage: the producer on air (foreground), the next one pre-rolling
/// (background), a transition between them, and the layer's opacity, placement, volume and channel map.
/// Only the tick thread touches a layer; commands reach it through the channel's queue.
/// </summary>
public sealed class Layer : IDisposable
{
    private readonly ChannelContext _channel;
    private readonly string _alarmSource;
    private Producer? _outgoing;
    private Transition _transition;
    private Transition _backgroundTransition;
    private bool _autoTake;
    private int _transitionTick;
    private double _volume = 1;
    private double _volumeTarget = 1;
    private int _volumeRampLeft;
    private double _opacityTarget = 1;
    private int _opacityRampLeft;
    private bool _late;
    private Frame? _held;
    private long _gapTicks;
    private string? _alarmedFailure;

    internal Layer(int number, ChannelContext channel)
    {
        Number = number;
        _channel = channel;
        _alarmSource = $"{channel.Name}/layer {number}";
        ChannelMap = IdentityMap(AudioPool.ProgrammeChannels);
    }

    public int Number { get; }
    public Producer? Foreground { get; private set; }
    public Producer? Background { get; private set; }
    /// <summary>Opacity now (0..1); ramps towards the last <see cref="SetOpacity"/> target.</summary>
    public double Opacity { get; private set; } = 1;
    public PictureTransform Transform { get; private set; } = PictureTransform.FullFrame;

    /// <summary>For each output channel, the producer channel it takes (−1: silent).</summary>
    public int[] ChannelMap { get; private set; }

    /// <summary>Gain now (linear, 1 = unity); ramps towards the last <see cref="SetVolume"/> target.</summary>
    public double Volume => _volume;

    public bool InTransition => _outgoing is not null;

    /// <summary>Who last drove the layer through a command that names them (an AMCP client, an operator); null when none has.</summary>
    public string? DrivenBy { get; internal set; }

    internal bool Holds(Producer producer) =>
        ReferenceEquals(producer, Foreground) || ReferenceEquals(producer, Background) || ReferenceEquals(producer, _outgoing);

    /// <summary>Ticks on which the foreground had nothing and the filler was shown.</summary>
    public long FillerTicks { get; private set; }

    /// <summary>Puts a producer on air at once (a cut), replacing and disposing the current one.</summary>
    public void Load(Producer producer)
    {
        EndTransition();
        Retire(Foreground);
        Foreground = producer;
    }

    /// <summary>Pre-rolls a producer behind the one on air; <see cref="Take"/> puts it on air.</summary>
    /// <param name="transition">How <see cref="TakeAsLoaded"/> and an automatic take bring it on (a cut when null).</param>
    /// <param name="autoTake">
    /// Take it by itself, frame-exact, as the clip on air ends (its transition starting that many frames before the
    /// end); at once when the layer has nothing on air (CasparCG's LOADBG AUTO).
    /// </param>
    public void LoadBackground(Producer producer, Transition? transition = null, bool autoTake = false)
    {
        Retire(Background);
        Background = producer;
        _backgroundTransition = transition ?? Transition.Cut;
        _autoTake = autoTake;
        if (autoTake && Foreground is null)
            TakeAsLoaded();
    }

    /// <summary>Unloads what waits behind the layer (CasparCG's CLEAR of a layer empties both).</summary>
    public void ClearBackground()
    {
        Retire(Background);
        Background = null;
        _autoTake = false;
    }

    /// <summary>Whether the background waits to be taken by itself when the foreground ends.</summary>
    public bool AutoTake => _autoTake && Background is not null;

    /// <summary>Takes the background with the transition it was loaded with.</summary>
    public void TakeAsLoaded() => Take(_backgroundTransition);

    /// <summary>Takes the background to air with a transition; without a background it resumes the foreground.</summary>
    public void Take(Transition transition)
    {
        if (Background is null)
        {
            Foreground?.Play();
            return;
        }
        EndTransition();
        if (transition.Kind == TransitionKind.Cut || transition.Frames <= 1 || Foreground is null)
            Retire(Foreground);
        else
        {
            _outgoing = Foreground;
            _transition = transition;
            _transitionTick = 0;
        }
        Foreground = Background;
        Background = null;
        _autoTake = false;
        Foreground.Play();
    }

    public void Pause() => Foreground?.Pause();

    /// <summary>Resumes a paused foreground.</summary>
    public void Play() => Foreground?.Play();

    /// <summary>Takes the foreground off air (the layer becomes empty); the background stays loaded.</summary>
    public void Stop()
    {
        EndTransition();
        Retire(Foreground);
        Foreground = null;
        _channel.Alarms.Clear(_alarmSource);
    }

    /// <summary>Ramps the gain to <paramref name="gain"/> over <paramref name="frames"/> ticks (0: at once, still ramped over one tick so it never clicks).</summary>
    public void SetVolume(double gain, int frames)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gain);
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        _volumeTarget = gain;
        _volumeRampLeft = Math.Max(1, frames);
    }

    /// <summary>Ramps the opacity to <paramref name="opacity"/> over <paramref name="frames"/> ticks (0: on the next tick).</summary>
    /// <exception cref="ArgumentException">The opacity is not between 0 and 1.</exception>
    public void SetOpacity(double opacity, int frames = 0)
    {
        if (double.IsNaN(opacity) || opacity is < 0 or > 1)
            throw new ArgumentException($"opacity must be between 0 and 1; got {opacity}");
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        _opacityTarget = opacity;
        _opacityRampLeft = frames;
        if (frames == 0)
            Opacity = opacity;
    }

    public void SetTransform(PictureTransform transform)
    {
        transform.Validate();
        Transform = transform;
    }

    /// <summary>Sets which producer channel feeds each output channel.</summary>
    /// <exception cref="ArgumentException">The map does not have one entry per output channel, or an entry is out of range.</exception>
    public void SetChannelMap(int[] map)
    {
        if (map.Length != AudioPool.ProgrammeChannels || map.Any(c => c < -1 || c >= AudioPool.ProgrammeChannels))
            throw new ArgumentException($"a channel map has {AudioPool.ProgrammeChannels} entries, each a source channel 0..{AudioPool.ProgrammeChannels - 1} or -1");
        ChannelMap = map;
    }

    /// <summary>
    /// This tick's contribution; empty when nothing is on air. On the programme layer (the lowest) a producer that
    /// has finished, failed, thrown or is late is covered by the channel's filler, so the channel is never black by
    /// accident; on the layers above (graphics, keys) such a producer shows nothing, so a broken logo never hides
    /// the programme. Failures raise the layer's alarm either way.
    /// </summary>
    internal LayerOutput Produce(in ProduceContext context, Producer filler, V210Compositor compositor, bool programme)
    {
        var (volumeStart, volumeEnd) = AdvanceVolume();
        if (_opacityRampLeft > 0)
            Opacity += (_opacityTarget - Opacity) / _opacityRampLeft--;
        if (AutoTake && Foreground is { } ending && EndsWithin(ending, _backgroundTransition))
            TakeAsLoaded();
        if (Foreground is null)
            return default;
        var incoming = Receive(Foreground, context, filler, programme);
        if (_outgoing is null)
            return LayerOutput.From(incoming, Opacity, Transform, new AudioPart(incoming.Audio, (float)volumeStart, (float)volumeEnd), ChannelMap);

        LayerFrame outgoing = default;
        try
        {
            outgoing = Receive(_outgoing, context, filler, programme);
            double previous = _transitionTick == 0 ? 0 : _transition.Amount(_transitionTick - 1), amount = _transition.Amount(_transitionTick);
            var output = TransitionPicture(incoming, outgoing, amount, compositor) with
            {
                Audio = new AudioPart(incoming.Audio, (float)(volumeStart * previous), (float)(volumeEnd * amount)),
                SecondAudio = new AudioPart(outgoing.Audio, (float)(volumeStart * (1 - previous)), (float)(volumeEnd * (1 - amount))),
            };
            if (++_transitionTick >= _transition.Frames)
                EndTransition();
            return output;
        }
        catch
        {
            // The transition failed: drop it and let the incoming picture stand alone next tick; nothing rented leaks.
            incoming.Release();
            outgoing.Release();
            EndTransition();
            throw;
        }
    }

    /// <summary>
    /// Swaps what this layer and <paramref name="other"/> play (foreground, background, transition in progress, who drove
    /// them); with <paramref name="transforms"/> also their opacity, placement, volume and channel map.
    /// </summary>
    public void Swap(Layer other, bool transforms)
    {
        (Foreground, other.Foreground) = (other.Foreground, Foreground);
        (Background, other.Background) = (other.Background, Background);
        (_outgoing, other._outgoing) = (other._outgoing, _outgoing);
        (_transition, other._transition) = (other._transition, _transition);
        (_transitionTick, other._transitionTick) = (other._transitionTick, _transitionTick);
        (_backgroundTransition, other._backgroundTransition) = (other._backgroundTransition, _backgroundTransition);
        (_autoTake, other._autoTake) = (other._autoTake, _autoTake);
        (DrivenBy, other.DrivenBy) = (other.DrivenBy, DrivenBy);
        if (!transforms)
            return;
        (Opacity, other.Opacity) = (other.Opacity, Opacity);
        (_opacityTarget, other._opacityTarget) = (other._opacityTarget, _opacityTarget);
        (_opacityRampLeft, other._opacityRampLeft) = (other._opacityRampLeft, _opacityRampLeft);
        (Transform, other.Transform) = (other.Transform, Transform);
        (ChannelMap, other.ChannelMap) = (other.ChannelMap, ChannelMap);
        (_volume, other._volume) = (other._volume, _volume);
        (_volumeTarget, other._volumeTarget) = (other._volumeTarget, _volumeTarget);
        (_volumeRampLeft, other._volumeRampLeft) = (other._volumeRampLeft, _volumeRampLeft);
    }

    /// <summary>
    /// Whether <paramref name="producer"/> has delivered its last frame, or (for a transition) has no more frames left
    /// than the transition lasts, as CasparCG's AUTO counts: the transition ends with the clip's last frame. A clip that
    /// has looped counts its frames in the pass it is in.
    /// </summary>
    private static bool EndsWithin(Producer producer, Transition transition)
    {
        if (producer.IsFinished)
            return true;
        if (producer.Loops || producer.Length is not { } length || length <= 0)
            return false;
        long played = producer.Position == 0 ? 0 : (producer.Position - 1) % length + 1;
        return length - played <= (transition.Kind == TransitionKind.Cut ? 0 : transition.Frames);
    }

    public void Dispose()
    {
        EndTransition();
        Foreground?.Dispose();
        Background?.Dispose();
        Foreground = Background = null;
        _held?.Release();
        _held = null;
    }

    private LayerOutput TransitionPicture(LayerFrame incoming, LayerFrame outgoing, double amount, V210Compositor compositor)
    {
        if (incoming.Video is { } to && outgoing.Video is { } from && _transition.Kind != TransitionKind.Cut)
        {
            if (_channel.VideoPool.TryRent(out var frame))
            {
                try
                {
                    switch (_transition.Kind)
                    {
                        case TransitionKind.Mix: compositor.Dissolve(from, to, frame, amount); break;
                        case TransitionKind.Wipe: compositor.Wipe(from, to, frame, amount, _transition.Direction); break;
                        default: compositor.Push(from, to, frame, amount, _transition.Direction); break;
                    }
                    frame.Metadata = to.Metadata;
                    frame.Commit();
                }
                catch
                {
                    frame.Release();
                    throw;
                }
                to.Release();
                from.Release();
                return new LayerOutput(frame, null, Opacity, Transform, default, default, ChannelMap) { Exclusive = true };
            }
            // No frame to mix into: the new picture cuts in rather than the channel stalling; the degradation is counted and alarmed.
            _channel.Degradation.Report(DegradationKind.TransitionCut, "video pool exhausted: a transition cut in instead");
        }
        // Graphics (or a picture against nothing) fade: the new one comes up at the transition's amount, the old one goes.
        outgoing.Video?.Release();
        double opacity = _transition.Kind == TransitionKind.Mix ? Opacity * amount : Opacity;
        return new LayerOutput(incoming.Video, incoming.Overlay, opacity, Transform, default, default, ChannelMap);
    }

    /// <summary>
    /// The producer's frame; when it has none (finished, failed, threw or late) the filler's on the programme layer and
    /// nothing above it. Alarms follow the producer's health; a finished producer is not a fault.
    /// </summary>
    private LayerFrame Receive(Producer producer, in ProduceContext context, Producer filler, bool programme)
    {
        string? thrown = null;
        try
        {
            if (producer.TryReceive(context, out var frame))
            {
                if (_late)
                {
                    _late = false;
                    _channel.Alarms.Clear(_alarmSource);
                }
                if (programme && ReferenceEquals(producer, Foreground))
                    Hold(frame.Video);
                return frame;
            }
        }
        catch (Exception error)
        {
            // A producer must not throw; one that does is treated as failed, and its message is kept for the alarm.
            thrown = $"threw {error.GetType().Name}: {error.Message}";
        }
        if (thrown is null && producer.IsFinished)
            return programme ? Gap(filler, context) : default;
        FillerTicks++;
        string? failure = thrown ?? producer.Failure;
        // Alarm once per condition, and again when a producer reports a new failure (the next bad item of a playlist).
        if (!_late || !(ReferenceEquals(failure, _alarmedFailure) || (thrown is not null && thrown == _alarmedFailure)))
        {
            _late = true;
            _alarmedFailure = failure;
            string shown = programme ? "showing filler" : "layer shows nothing";
            _channel.Alarms.Raise(_alarmSource, AlarmSeverity.Major,
                failure is { } reason ? $"{producer.Name} failed: {reason}; {shown}"
                    : $"{producer.Name} has no frame ready (decoding late); {shown}");
        }
        return programme ? Gap(filler, context) : default;
    }

    /// <summary>Keeps the programme's newest picture for <see cref="ChannelContext.HoldLastFrame"/> (only when one is set).</summary>
    private void Hold(Frame? video)
    {
        _gapTicks = 0;
        if (_channel.HoldLastFrameTicks == 0 || video is null || ReferenceEquals(video, _held))
            return;
        _held?.Release();
        _held = video.AddRef();
    }

    /// <summary>What covers a gap on the programme layer: the last picture held while the channel's hold time lasts, then the filler.</summary>
    private LayerFrame Gap(Producer filler, in ProduceContext context)
    {
        if (_held is not null && _gapTicks++ < _channel.HoldLastFrameTicks)
            return new LayerFrame(_held.AddRef(), null, null);
        return Filler(filler, context);
    }

    /// <summary>The layer itself threw this tick (not its producer): alarmed like a failed producer, cleared when it recovers.</summary>
    internal void Failed(Exception error)
    {
        FillerTicks++;
        _late = true;
        _alarmedFailure = null;
        _channel.Alarms.Raise(_alarmSource, AlarmSeverity.Major, $"layer {Number} failed: {error.GetType().Name}: {error.Message}; it shows nothing");
    }

    private static LayerFrame Filler(Producer filler, in ProduceContext context)
    {
        try
        {
            return filler.TryReceive(context, out var substitute) ? substitute : default;
        }
        catch
        {
            // A filler that throws leaves the layer empty: the mixer's black is the last resort.
            return default;
        }
    }

    private (double Start, double End) AdvanceVolume()
    {
        double start = _volume;
        if (_volumeRampLeft > 0)
        {
            _volume += (_volumeTarget - _volume) / _volumeRampLeft;
            _volumeRampLeft--;
        }
        return (start, _volume);
    }

    private void EndTransition()
    {
        Retire(_outgoing);
        _outgoing = null;
    }

    /// <summary>Disposes a producer taken off air without the tick waiting for its threads.</summary>
    private void Retire(Producer? producer) => _channel.Background.Dispose(producer);

    private static int[] IdentityMap(int channels) => Enumerable.Range(0, channels).ToArray();
}
