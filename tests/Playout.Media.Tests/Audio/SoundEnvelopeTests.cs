using Playout.Media.Audio;

namespace Playout.Media.Tests.Audio;

/// <summary>
/// Markers found in generated recordings of known shape: a silent lead-in, a body, a quiet closing fade and a silent
/// tail, each of a random length (in whole 50 ms blocks, so the answers are exact) and level.
/// </summary>
public class SoundEnvelopeTests
{
    private const int Block = 2400;

    [Fact]
    public void Lead_in_fade_and_tail_of_random_recordings_give_cue_in_segue_and_cue_out_on_their_blocks()
    {
        var random = new Random(20261206);
        for (int run = 0; run < 40; run++)
        {
            int lead = random.Next(0, 20), body = random.Next(40, 200), fade = random.Next(20, 80), tail = random.Next(0, 20);
            double bodyDb = -6 - random.NextDouble() * 20, fadeDb = bodyDb - 14 - random.NextDouble() * 10;
            var envelope = new SoundEnvelope(2);
            Add(envelope, random, lead, double.NegativeInfinity);
            Add(envelope, random, body, bodyDb);
            Add(envelope, random, fade, fadeDb);
            Add(envelope, random, tail, double.NegativeInfinity);

            var markers = envelope.Markers();

            string what = $"run {run}: lead {lead}, body {body} at {bodyDb:0.0} dB, fade {fade} at {fadeDb:0.0} dB, tail {tail}";
            Assert.True(markers.CueIn == (lead > 0 ? Blocks(lead) : null), $"{what}: cue-in {markers.CueIn}");
            bool fadeHeard = fadeDb >= SoundEnvelope.PresenceDb;
            var segue = fadeHeard ? Blocks(lead + body) : (TimeSpan?)null;
            Assert.True(markers.Segue == segue, $"{what}: segue {markers.Segue}");
            int end = lead + body + (fadeHeard ? fade : 0);
            Assert.True(markers.CueOut == (tail > 0 || !fadeHeard ? Blocks(end) : null), $"{what}: cue-out {markers.CueOut}");
        }
    }

    [Fact]
    public void A_short_quiet_ending_is_not_a_fade_and_silence_has_no_markers()
    {
        var random = new Random(7);
        var song = new SoundEnvelope(1);
        Add(song, random, 100, -10, channels: 1);
        Add(song, random, 10, -30, channels: 1); // 0.5 s: shorter than a fade
        Assert.Equal(new SoundMarkers(null, null, null), song.Markers());

        var silence = new SoundEnvelope(2);
        Add(silence, random, 30, double.NegativeInfinity);
        Assert.Equal(new SoundMarkers(null, null, null), silence.Markers());
    }

    [Fact]
    public void Samples_that_are_not_whole_sample_frames_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new SoundEnvelope(2).Add(new float[3]));
        Assert.Contains("3 samples are not whole sample frames of 2 channels", error.Message);
    }

    private static TimeSpan Blocks(int count) => TimeSpan.FromSeconds(count * 0.05);

    /// <summary><paramref name="blocks"/> 50 ms blocks of noise whose every block's mean square is exactly <paramref name="db"/> dBFS (±1 sign noise).</summary>
    private static void Add(SoundEnvelope envelope, Random random, int blocks, double db, int channels = 2)
    {
        float amplitude = double.IsNegativeInfinity(db) ? 0 : (float)Math.Pow(10, db / 20);
        var samples = new float[blocks * Block * channels];
        for (int i = 0; i < samples.Length; i++)
            samples[i] = random.Next(2) == 0 ? amplitude : -amplitude;
        // Handed over in pieces that do not line up with the blocks.
        for (int at = 0; at < samples.Length;)
        {
            int count = Math.Min(samples.Length - at, random.Next(1, 5000) * channels);
            envelope.Add(samples.AsSpan(at, count));
            at += count;
        }
    }
}
