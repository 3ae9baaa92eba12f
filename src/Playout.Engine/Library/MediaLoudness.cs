namespace Playout.Engine.Library;

/// <summary>A media file's measured sound: its EBU R128 integrated loudness and its true peak.</summary>
/// <param name="Integrated">Integrated loudness, LUFS; −∞ for a file that is silent (everything below the gates).</param>
/// <param name="TruePeak">Maximum true peak, dBTP; −∞ for digital silence.</param>
public sealed record MediaLoudness(double Integrated, double TruePeak)
{
    public static MediaLoudness Of(Playout.Media.Audio.Loudness.LoudnessReading reading) => new(reading.Integrated, reading.TruePeak);
}
