using Playout.Media.Audio.Loudness;
using static Playout.Media.Tests.Audio.Loudness.LavfiAudio;

namespace Playout.Media.Tests.Audio.Loudness;

/// <summary>
/// Programme-like clips made by FFmpeg measured by our meter and by FFmpeg's own ebur128 filter, which prints one
/// decimal: our figure rounded to one decimal is within 0.1 LU (integrated), 0.2 dB (true peak, whose
/// interpolators differ), 0.1 dB (sample peak) and 0.5 LU (range, from histograms of different grain) of FFmpeg's.
/// </summary>
public class FfmpegCrossCheckTests
{
    public static TheoryData<string, string, string> Clips() => new()
    {
        {
            "music-like: a swelling chord with a beat and a noise bed, wider on the right", "stereo",
            Source([
                "0.25*(0.55+0.45*sin(2*PI*0.13*t))*(sin(2*PI*220*t)+0.6*sin(2*PI*277.2*t)+0.4*sin(2*PI*329.6*t))+0.3*exp(-30*mod(t,0.5))*sin(2*PI*60*t)",
                "0.2*(0.5+0.5*sin(2*PI*0.07*t))*(sin(2*PI*440*t+1)+0.5*sin(2*PI*554.4*t))+0.05*(random(0)-0.5)+0.3*exp(-30*mod(t,0.5))*sin(2*PI*60*t)",
            ], 40)
        },
        {
            "speech-like: lowpassed noise in syllable bursts with pauses", "stereo",
            Source("0.9*(random(0)-0.5)*gt(sin(2*PI*3.1*t)+0.8*sin(2*PI*0.41*t),0.3)", 1, 35) + ",lowpass=f=2500,highpass=f=150,pan=stereo|c0=c0|c1=0.8*c0"
        },
        {
            "peaky: 10 ms near-full-scale 11 kHz bursts over pink noise (inter-sample peaks)", "stereo",
            "anoisesrc=color=pink:amplitude=0.2:seed=5:sample_rate=48000:duration=20[n];" +
            Source("0.8*gt(mod(t,2),1.99)*sin(2*PI*11025*t+0.7)", 2, 20) + "[b];[n]pan=stereo|c0=c0|c1=c0[m];[m][b]amix=inputs=2:normalize=0"
        },
        {
            "5.1: dialogue-like centre, music-like fronts, noisy surrounds and a loud LFE", "5.1",
            Source([
                "0.2*sin(2*PI*330*t)*(0.5+0.5*sin(2*PI*0.2*t))", "0.2*sin(2*PI*392*t)*(0.5+0.5*sin(2*PI*0.2*t+1))",
                "0.5*(random(0)-0.5)*gt(sin(2*PI*2.7*t),0)", "0.7*sin(2*PI*45*t)",
                "0.15*(random(1)-0.5)", "0.15*(random(2)-0.5)",
            ], 30) + ":channel_layout=5.1"
        },
    };

    [Theory]
    [MemberData(nameof(Clips))]
    public void Our_meter_agrees_with_ffmpeg_ebur128(string clip, string layout, string graph)
    {
        var reference = FfmpegEbur128.Measure(graph);
        var ours = Tech3341ConformanceTests.Measure(layout == "5.1" ? ChannelLayout.Surround51 : ChannelLayout.Stereo, Render(graph));
        string report = $"{clip}: ours {ours}, ffmpeg {reference}";
        Assert.True(Math.Abs(Math.Round(ours.Integrated, 1) - reference.Integrated) <= 0.1 + 1e-9, report);
        Assert.True(Math.Abs(Math.Round(ours.TruePeak, 1) - reference.TruePeak) <= 0.2 + 1e-9, report);
        Assert.True(Math.Abs(Math.Round(ours.SamplePeak, 1) - reference.SamplePeak) <= 0.1 + 1e-9, report);
        Assert.True(Math.Abs(Math.Round(ours.Range, 1) - reference.Range) <= 0.5 + 1e-9, report);
        // The clips are meant to be programme-like: loud enough, with some dynamics.
        Assert.InRange(reference.Integrated, -40, -5);
    }
}
