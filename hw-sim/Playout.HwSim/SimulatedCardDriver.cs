using System.Globalization;
using Playout.Engine.Devices;
using Playout.Media.Formats;

namespace Playout.HwSim;

/// <summary>
/// The "hw-sim" card driver. Settings (all optional): inputs, outputs (counts), jitter-us, timing
/// (realtime | on-send), checksums (true | false), index (the card's number in its name), seed (jitter's).
/// </summary>
public sealed class SimulatedCardDriver : ICardDriver
{
    public string Name => "hw-sim";

    public IVideoCard Open(VideoFormat format, IReadOnlyDictionary<string, string> settings)
    {
        var options = new SimulatedCardOptions();
        foreach (var (key, value) in settings)
        {
            options = key switch
            {
                "inputs" => options with { Inputs = Integer(key, value) },
                "outputs" => options with { Outputs = Integer(key, value) },
                "index" => options with { Index = Integer(key, value) },
                "seed" => options with { Seed = Integer(key, value) },
                "jitter-us" => options with { JitterMicroseconds = Integer(key, value) },
                "checksums" => options with { Checksums = bool.TryParse(value, out var on) ? on : throw Invalid(key, value, "true or false") },
                "timing" => options with
                {
                    Timing = value switch
                    {
                        "realtime" => CardTiming.Realtime,
                        "on-send" => CardTiming.OnSend,
                        _ => throw Invalid(key, value, "realtime or on-send"),
                    },
                },
                _ => throw new ArgumentException($"hw-sim: unknown setting '{key}'; known: inputs, outputs, jitter-us, timing, checksums, index, seed"),
            };
        }
        return new SimulatedCard(format, options);
    }

    private static int Integer(string key, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number : throw Invalid(key, value, "a whole number, 0 or more");

    private static ArgumentException Invalid(string key, string value, string expected) =>
        new($"hw-sim: setting '{key}' is '{value}'; expected {expected}");
}
