using Playout.Interop;
using Playout.Media.Audio;
using Playout.Media.Audio.Loudness;

namespace Playout.Engine.Library;

/// <summary>What <see cref="FileLoudness.Measure"/> found in a file's sound.</summary>
/// <param name="Layout">The channels measured (see <see cref="FileLoudness.LayoutFor"/>).</param>
/// <param name="SourceChannels">The channels the file's audio stream has.</param>
/// <param name="Duration">The sound measured.</param>
/// <param name="Markers">Where the sound starts, fades and ends (<see cref="SoundEnvelope"/>).</param>
public sealed record FileLoudnessResult(LoudnessReading Reading, ChannelLayout Layout, int SourceChannels, TimeSpan Duration, SoundMarkers Markers);

/// <summary>How far <see cref="FileLoudness.Measure"/> has got: sound measured of the file's stated duration.</summary>
public readonly record struct FileLoudnessProgress(TimeSpan Measured, TimeSpan Duration)
{
    /// <summary>0–100.</summary>
    public int Percent => (int)Math.Clamp(Measured / Duration * 100, 0, 100);
}

/// <summary>
/// Measures the loudness of any file FFmpeg can read (its first audio stream, decoded and resampled to 48 kHz by
/// the same shim the clip producer plays with; video is not decoded). Safe on any thread; never on a tick thread.
/// </summary>
public static class FileLoudness
{
    // 100 ms of up to 64 channels a read.
    private const int ReadFrames = LoudnessMeter.SampleRate / 10;

    /// <summary>
    /// How a file's channels are measured: mono, stereo and 5.1 (FFmpeg's order L R C LFE Ls Rs) as such; any other
    /// count by its first pair, as our channels carry a programme's stereo on channels 1 and 2.
    /// </summary>
    public static ChannelLayout LayoutFor(int channels) => channels switch
    {
        1 => ChannelLayout.Mono,
        2 => ChannelLayout.Stereo,
        6 => ChannelLayout.Surround51,
        _ => ChannelLayout.Pair(0, channels),
    };

    /// <summary>Measures the whole of <paramref name="path"/>'s sound.</summary>
    /// <param name="progress">Told how far it has got after every second of sound; not at all when the file states no duration.</param>
    /// <exception cref="InvalidDataException">The file cannot be opened or decoded, or has no audio stream; the message names the file and why.</exception>
    public static FileLoudnessResult Measure(string path, IProgress<FileLoudnessProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var source = new FfmpegSource(path, flags: FfmpegSourceFlags.NoVideo);
            int channels = source.Info.AudioChannels;
            if (channels <= 0)
                throw new InvalidDataException($"'{path}' has no audio stream");
            source.SetAudioOutput(channels);
            var meter = new LoudnessMeter(LayoutFor(channels));
            var envelope = new SoundEnvelope(channels);
            var audio = new float[ReadFrames * channels];
            var duration = source.Info.Duration is { Ticks: > 0 } d ? d : (TimeSpan?)null;
            long reported = 0;
            while (source.Read(default, audio, out var read))
            {
                cancellation.ThrowIfCancellationRequested();
                meter.Add(audio.AsSpan(0, read.AudioSamples * channels));
                envelope.Add(audio.AsSpan(0, read.AudioSamples * channels));
                if (duration is { } total && progress is not null && meter.SampleFrames - reported >= LoudnessMeter.SampleRate)
                {
                    reported = meter.SampleFrames;
                    progress.Report(new FileLoudnessProgress(Seconds(reported), total));
                }
            }
            return new FileLoudnessResult(meter.Reading, meter.Layout, channels, Seconds(meter.SampleFrames), envelope.Markers());
        }
        catch (PlayoutAvException error) when (error.ErrorCode == PlayoutAvException.NoStream)
        {
            throw new InvalidDataException($"'{path}' has no audio stream");
        }
        catch (PlayoutAvException error)
        {
            throw new InvalidDataException($"cannot read the sound of '{path}': {error.Reason}");
        }
    }

    private static TimeSpan Seconds(long sampleFrames) => TimeSpan.FromSeconds(sampleFrames / (double)LoudnessMeter.SampleRate);
}
