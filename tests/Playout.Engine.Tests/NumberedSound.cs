using Playout.Engine.Channels;
using Playout.Engine.Consumers;

namespace Playout.Engine.Tests;

/// <summary>
/// Sound that proves itself after a trip over the network: each sample frame carries its own index in channel 1 and a hash
/// of the index in the others, so any received stretch shows whether it is in order, without a gap, every channel as sent.
/// </summary>
internal static class NumberedSound
{
    /// <summary>The 24-bit code of channel <paramref name="channel"/> (from 0) of sample frame <paramref name="sample"/>.</summary>
    public static int Code(long sample, int channel) =>
        channel == 0 ? (int)(sample % 8_388_608) : (int)((uint)((sample * 16 + channel) * 2654435761L) >> 8) - 8_388_608;

    /// <summary>Sends tick's frame to <paramref name="consumer"/>: <paramref name="video"/> (a pool frame as it is, when null) and numbered sound.</summary>
    public static void Send(ChannelContext context, IConsumer consumer, long tick, Media.Frames.Frame? video = null)
    {
        var format = context.Format;
        var picture = video?.AddRef() ?? AnyPicture(context);
        var audio = context.AudioPool.Rent();
        long first = format.FirstAudioSample(tick);
        var samples = audio.Write(format.AudioSamplesForFrame(tick));
        for (int i = 0; i < samples.Length; i++)
            samples[i] = Code(first + i / audio.Channels, i % audio.Channels) / 8388608f;
        audio.Commit();
        consumer.Send(tick, picture, audio);
        picture.Release();
        audio.Release();
    }

    /// <summary>
    /// Whether the codes, <paramref name="channels"/> a sample frame (of <paramref name="stride"/>), are at least
    /// <paramref name="least"/> sample frames sent one after the other, every channel as sent; null when they are, else
    /// what is wrong.
    /// </summary>
    public static string? Check(ReadOnlySpan<int> codes, int channels, int least, int stride = 0)
    {
        stride = stride == 0 ? channels : stride;
        int frames = codes.Length / stride;
        if (frames < least)
            return $"{frames} sample frames received";
        long start = codes[0];
        for (int f = 0; f < frames; f++)
            for (int c = 0; c < channels; c++)
                if (Code(start + f, c) != codes[f * stride + c])
                    return $"sample frame {f} (sent as {codes[f * stride]}) channel {c + 1}";
        return null;
    }

    /// <summary>The most sample frames in a row that are as sent, one after the other (a receiver that realigned its reading
    /// under load shows more than one run).</summary>
    public static int LongestRun(ReadOnlySpan<int> codes, int channels, int stride)
    {
        int longest = 0, run = 0;
        for (int f = 0; f < codes.Length / stride; f++)
        {
            var frame = codes.Slice(f * stride, channels);
            bool whole = true;
            for (int c = 0; c < channels && whole; c++)
                whole = Code(frame[0], c) == frame[c];
            run = !whole ? 0 : run > 0 && frame[0] == codes[(f - 1) * stride] + 1 ? run + 1 : 1;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    private static Media.Frames.Frame AnyPicture(ChannelContext context)
    {
        var frame = context.VideoPool.Rent();
        frame.Commit();
        return frame;
    }
}
