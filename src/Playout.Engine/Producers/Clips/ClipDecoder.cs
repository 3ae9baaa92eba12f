using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Playout.Engine.Channels;
using Playout.Engine.Pictures;
using Playout.Interop;
using Playout.Media.Formats;
using Playout.Media.Frames;

namespace Playout.Engine.Producers.Clips;

/// <summary>
/// A clip's decoding thread: opens the file (or stream) through FFmpeg, decodes ahead of air into the channel's
/// frame pool and the clip's audio ring, loops and seeks. swscale writes each picture straight into a planar
/// working buffer at its letterboxed place (the borders stay black); one SIMD pass packs it into the v210 pool
/// frame. Sound is lined up with the pictures by time at the start of every pass through the clip, so a file
/// whose audio starts late or runs short stays in sync. A source without pictures (a sound file, a radio stream, or
/// anything on a radio channel, whose video is not even decoded) is timed by its sound: each channel frame's worth of
/// sound decoded brings a black picture with it, and a last, partial frame's worth one more.
/// </summary>
internal sealed class ClipDecoder : IDisposable
{
    private const int AudioChunkFrames = 8192;
    private readonly ChannelContext _channel;
    private readonly string _url;
    private readonly ClipOptions _options;
    private readonly DecodedFrameQueue _queue;
    private readonly AudioRing _audio;
    private readonly CancellationTokenSource _cancel = new();
    private readonly FfmpegAbort _abort = new();
    private volatile bool _loop;
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _seekRequested = new();
    private readonly Lock _endLock = new();
    private volatile string? _failure;
    private long _endIndex = -1;
    private bool _disposed;
    private TimeSpan _seekTarget;
    private volatile int _requestedGeneration;
    private volatile StrongBox<Rational> _frameRate;
    private long _lastPicture = Stopwatch.GetTimestamp();

    /// <summary>Whether the clip starts again at its in point after its out point; read by the decoding thread at each end of a pass.</summary>
    public bool Loop
    {
        get => _loop;
        set => _loop = value;
    }

    public ClipDecoder(ChannelContext channel, string url, string name, ClipOptions options, DecodedFrameQueue queue, AudioRing audio)
    {
        _channel = channel;
        _url = url;
        _options = options;
        _loop = options.Loop;
        _queue = queue;
        _audio = audio;
        _frameRate = new(channel.Format.FrameRate);
        _thread = new Thread(Run) { Name = $"{channel.Name} decode {name}", IsBackground = true };
        _thread.Start();
    }

    /// <summary>Why the clip cannot play: FFmpeg's error for the file, or null while healthy.</summary>
    public string? Failure => _failure;

    /// <summary>The timeline index one past the last frame, once the decoder has reached the end (-1 before, and for loops).</summary>
    public long EndIndex
    {
        get
        {
            lock (_endLock)
                return _endIndex;
        }
    }

    /// <summary>The source's frame rate (the channel's until the file is open, or when the file does not say).</summary>
    public Rational FrameRate => _frameRate.Value;

    /// <summary>The <see cref="Stopwatch"/> timestamp of the newest picture queued (of the decoder's start before the first).</summary>
    public long LastPictureAt => Volatile.Read(ref _lastPicture);

    /// <summary>Frames between the in and out points when the container tells the clip's length.</summary>
    public long? Length { get; private set; }

    /// <summary>Restarts decoding at <paramref name="position"/> (from the file's start) as generation <paramref name="generation"/>.</summary>
    public void RequestSeek(TimeSpan position, int generation)
    {
        _seekTarget = position;
        lock (_endLock)
        {
            _requestedGeneration = generation;
            _endIndex = -1;
        }
        _seekRequested.Set();
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _cancel.Cancel();
        _abort.Abort();
        _thread.Join();
        _cancel.Dispose();
        _abort.Dispose();
        _seekRequested.Dispose();
    }

    /// <summary>How long a live input waits before it opens again after the stream failed or ended.</summary>
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How much sound (by its own length, whatever silences came between) a live input may deliver without pictures
    /// before it opens again: the stream came back in another shape (codec, PIDs) the decoders it opened cannot picture.
    /// </summary>
    private static readonly TimeSpan PictureStall = TimeSpan.FromSeconds(2);

    private void Run()
    {
        // Ahead of the control traffic, behind the tick (see ThreadScheduling); where not permitted it stays normal.
        Interop.ThreadScheduling.SetCurrentThread(ThreadPriority.AboveNormal);
        while (true)
        {
            try
            {
                // A silent stream keeps its socket and waits (its loss is the producer's to see, by time), so a sender
                // that comes back is read on at once, without a new open; disposing aborts the wait. Only the allowed
                // protocols open (FFmpeg's protocol_whitelist): a path that slipped past validation reaches nothing else.
                using var source = new FfmpegSource(_url, MediaUrl.WithProtocols(_url, _options.Options, _options.Protocols),
                    (_options.Live ? FfmpegSourceFlags.Live : FfmpegSourceFlags.None)
                    | (_channel.Format.IsAudioOnly ? FfmpegSourceFlags.NoVideo : FfmpegSourceFlags.None), _abort);
                Decode(source);
            }
            catch (Exception error)
            {
                // Whatever goes wrong here (FFmpeg's error, a file with no picture, a bug) fails this clip, never the
                // process; while disposing, the error is only the disposal's echo.
                if (_cancel.IsCancellationRequested)
                    return;
                Fail(error.Message);
            }
            // A file that failed stays failed; a live stream is reopened until the producer is disposed.
            if (!_options.Live || _cancel.Token.WaitHandle.WaitOne(ReconnectDelay))
                return;
        }
    }

    private void Fail(string reason)
    {
        // A live input retrying fails the same way each time: say it once.
        if (_failure is { } known && known.EndsWith(reason, StringComparison.Ordinal))
            return;
        _failure = $"{_url}: {reason}";
        _queue.Wake();
        _channel.Logger.LogError("{Channel}: cannot play {Url}: {Reason}", _channel.Name, _url, reason);
    }

    private void Decode(FfmpegSource source)
    {
        var info = source.Info;
        bool soundOnly = !info.HasVideo;
        if (!soundOnly && info.FrameRateNumerator > 0 && info.FrameRateDenominator > 0)
            _frameRate = new(new Rational(info.FrameRateNumerator, info.FrameRateDenominator));
        Length = ClipLength(info);
        _channel.Logger.LogInformation("{Channel}: {Url}: {Info}", _channel.Name, _url, info);

        var fit = soundOnly ? default : PictureFit.For(info, _channel.Format);
        if (!soundOnly)
            source.SetVideoOutput(fit.Width, fit.Height, "yuv422p10le");
        // A sound-only source never writes the working picture: it stays black, the picture its frames show.
        using var picture = new PlanarPicture(_channel.Format.Width, _channel.Format.Height);
        source.SetAudioOutput(_audio.Channels);
        var samples = new float[_audio.Channels * AudioChunkFrames];

        var pass = new Pass(_options.In ?? TimeSpan.Zero, 0, 0);
        long withoutPictures = 0, heard = 0;
        if (_options.In is { } start)
            source.Seek(start);
        while (!_cancel.IsCancellationRequested)
        {
            if (_seekRequested.IsSet)
            {
                _seekRequested.Reset();
                pass = new Pass(_seekTarget, 0, _requestedGeneration);
                source.Seek(_seekTarget);
                continue;
            }
            bool more = source.Read(soundOnly ? default : picture.Region(fit.X, fit.Y), samples, out var read);
            bool pastOut = more && _options.Out is { } end && read.Pts >= end.TotalMicroseconds;
            if (!more && _options.Live)
                throw new InvalidOperationException("the stream ended");
            if (!more || (pastOut && (read.Kind == FfmpegReadKind.Video || soundOnly)))
            {
                if (soundOnly)
                    pass = DeliverSoundFrames(picture, pass, heard, partial: true);
                pass = EndOfPass(source, pass);
            }
            else if (read.Kind == FfmpegReadKind.Video)
            {
                withoutPictures = 0;
                if (Deliver(picture, pass))
                    pass = pass with { NextIndex = pass.NextIndex + 1 };
            }
            else if (_options.Live && !soundOnly && (withoutPictures += read.AudioSamples) > PictureStall.TotalSeconds * VideoFormat.AudioSampleRate)
                throw new InvalidOperationException($"sound but no pictures for {PictureStall.TotalSeconds:0.#} s");
            else if (!pastOut)
            {
                int count = soundOnly ? SoundBefore(_options.Out, read) : read.AudioSamples;
                heard += count;
                var sound = samples.AsSpan(0, count * _audio.Channels);
                if (_options.Gain != 1)
                    Amplify(sound, (float)_options.Gain);
                AppendAudio(sound, read.Pts, ref pass);
                if (soundOnly)
                    pass = DeliverSoundFrames(picture, pass, heard, partial: false);
            }
        }
    }

    /// <summary>The sample frames of <paramref name="read"/> before <paramref name="end"/> (all without one): a sound-only clip's out point is its sound's.</summary>
    private static int SoundBefore(TimeSpan? end, FfmpegRead read) => end is { } o
        ? (int)Math.Clamp(Math.Round((o.TotalMicroseconds - read.Pts) * VideoFormat.AudioSampleRate / 1e6), 0, read.AudioSamples)
        : read.AudioSamples;

    /// <summary>
    /// A sound-only source's pictures: one (black) for each whole channel frame of sound decoded in this pass, and with
    /// <paramref name="partial"/> (the pass's end) one more for sound that fills only part of a frame.
    /// </summary>
    private Pass DeliverSoundFrames(PlanarPicture picture, Pass pass, long heard, bool partial)
    {
        // A clip's sound is lined up on its timeline (the ring's position); a live stream's is not, and its ring starts
        // over when the input is lost: its pictures count the sound heard since the stream opened.
        long written = _options.Live ? heard : _audio.Written;
        while ((written >= SamplesAt(pass.NextIndex + 1) || partial && written > SamplesAt(pass.NextIndex)) && Deliver(picture, pass))
            pass = pass with { NextIndex = pass.NextIndex + 1 };
        return pass;
    }

    /// <summary>The end of the file or the out point: go round again, or wait at the end for a seek (or disposal).</summary>
    private Pass EndOfPass(FfmpegSource source, Pass pass)
    {
        LineUpAudio(SamplesAt(pass.NextIndex), pass.Generation, trim: true);
        if (Loop && !_options.Live && pass.NextIndex > pass.FirstIndex)
        {
            source.Seek(_options.In ?? TimeSpan.Zero);
            return new Pass(_options.In ?? TimeSpan.Zero, pass.NextIndex, pass.Generation);
        }
        lock (_endLock)
        {
            // A seek asked for meanwhile starts a new pass: this end belongs to the old one.
            if (pass.Generation == _requestedGeneration)
                _endIndex = pass.NextIndex;
        }
        _queue.Wake();
        WaitHandle.WaitAny([_cancel.Token.WaitHandle, _seekRequested.WaitHandle]);
        return pass;
    }

    /// <summary>Packs the working picture into a pool frame and queues it; false when disposal interrupted.</summary>
    private bool Deliver(PlanarPicture picture, in Pass pass)
    {
        Frame? frame;
        while (!_channel.VideoPool.TryRent(out frame))
        {
            // The pool is exhausted (frames held downstream): wait for one rather than drop a frame of the clip.
            if (_cancel.Token.WaitHandle.WaitOne(2))
                return false;
        }
        picture.PackInto(frame);
        frame.Metadata = new FrameMetadata(pass.NextIndex);
        frame.Commit();
        // A live stream cannot wait for air: the oldest picture waiting makes room for the newest.
        if (_options.Live && _queue.IsFull && _queue.TryTake(out var stale))
            stale.Video.Release();
        if (_queue.Add(new DecodedFrame(frame, pass.NextIndex, pass.Generation), _cancel.Token))
        {
            Volatile.Write(ref _lastPicture, Stopwatch.GetTimestamp());
            if (_failure is not null && _options.Live)
            {
                _failure = null;
                _channel.Logger.LogInformation("{Channel}: {Url} is back", _channel.Name, _url);
            }
            return true;
        }
        frame.Release();
        return false;
    }

    private static void Amplify(Span<float> samples, float gain)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(samples);
        for (int i = 0; i < vectors.Length; i++)
            vectors[i] *= gain;
        for (int i = vectors.Length * Vector<float>.Count; i < samples.Length; i++)
            samples[i] *= gain;
    }

    private void AppendAudio(ReadOnlySpan<float> samples, long pts, ref Pass pass)
    {
        if (!pass.AudioLinedUp && !_options.Live)
        {
            // The first sound of a pass goes where its time says, relative to the pass's first picture.
            long offset = (long)Math.Round((pts - pass.Start.TotalMicroseconds) * VideoFormat.AudioSampleRate / 1e6);
            LineUpAudio(SamplesAt(pass.FirstIndex) + offset, pass.Generation, trim: true);
            pass = pass with { AudioLinedUp = true };
        }
        while (!samples.IsEmpty && !_cancel.IsCancellationRequested && !_seekRequested.IsSet)
        {
            int taken = _audio.Append(samples, 0, pass.Generation);
            samples = samples[(taken * _audio.Channels)..];
            if (taken > 0)
                continue;
            // A live stream cannot wait (the sender does not): when its sound runs ahead of air, the oldest goes.
            if (_options.Live)
                _audio.Skip(samples.Length / _audio.Channels);
            else
                _cancel.Token.WaitHandle.WaitOne(2);
        }
    }

    /// <summary>Pads with silence (or, with <paramref name="trim"/>, cuts) so the sound timeline stands at <paramref name="position"/>.</summary>
    private void LineUpAudio(long position, int generation, bool trim)
    {
        long missing = position - _audio.Written;
        while (missing > 0 && !_cancel.IsCancellationRequested)
        {
            int taken = _audio.Append([], (int)Math.Min(missing, AudioChunkFrames), generation);
            missing -= taken;
            if (taken == 0)
                _cancel.Token.WaitHandle.WaitOne(2);
        }
        if (trim && missing < 0)
            _audio.Trim(-missing);
    }

    /// <summary>Sample frames of sound that belong with the first <paramref name="frames"/> pictures of the clip.</summary>
    private long SamplesAt(long frames) =>
        (long)((Int128)frames * VideoFormat.AudioSampleRate * FrameRate.Denominator / FrameRate.Numerator);

    private long? ClipLength(FfmpegMediaInfo info)
    {
        if (_options.Live)
            return null;
        var duration = info.FrameCount is { } count ? TimeSpan.FromSeconds(count / FrameRate.ToDouble()) : info.Duration;
        if (duration is null)
            return null;
        var end = _options.Out is { } o && o < duration ? o : duration.Value;
        var length = end - (_options.In ?? TimeSpan.Zero);
        // In channel frames: the ticks the clip occupies on air, whatever its own rate.
        return length <= TimeSpan.Zero ? 0 : _channel.Format.FrameIndexAt(length);
    }

    /// <param name="Start">Where in the file this pass through the clip began.</param>
    /// <param name="FirstIndex">The timeline index of the pass's first picture.</param>
    private readonly record struct Pass(TimeSpan Start, long FirstIndex, int Generation)
    {
        public long NextIndex { get; init; } = FirstIndex;
        public bool AudioLinedUp { get; init; }
    }
}
