using System.Collections.Concurrent;
using System.Globalization;
using Playout.Engine.Commands;
using Playout.Engine.Stage;

namespace Playout.Server.Amcp;

/// <summary>
/// MIXER on what our mixer has: OPACITY and VOLUME (set, ramped linearly over frames, or read back), FILL at whole, half
/// or quarter size (the layer's picture-in-picture), CLEAR, and DEFER + COMMIT (changes held per channel and applied
/// together on one tick). Properties our mixer lacks (CLIP, BRIGHTNESS, …) read as, and may be set to, their neutral
/// values (a client resetting a layer); any other value is answered 501 naming what the mixer has.
/// </summary>
public sealed class AmcpMixer(AmcpChannels channels)
{
    /// <summary>What our mixer can do, for the 501 reply to everything else.</summary>
    private const string Supported = "this mixer has OPACITY, VOLUME, FILL (at whole, half or quarter size), CLEAR and COMMIT";

    /// <summary>
    /// Properties our mixer lacks, with CasparCG's neutral values: what they always are here. Setting one to its neutral
    /// value (as clients do to reset a layer) changes nothing and is answered 202; reading one answers it; any other value is 501.
    /// </summary>
    private static readonly Dictionary<string, string[]> Neutral = new()
    {
        ["BRIGHTNESS"] = ["1"], ["SATURATION"] = ["1"], ["CONTRAST"] = ["1"], ["LEVELS"] = ["0", "1", "1", "0", "1"],
        ["ANCHOR"] = ["0", "0"], ["ROTATION"] = ["0"], ["CLIP"] = ["0", "0", "1", "1"], ["CROP"] = ["0", "0", "1", "1"],
        ["PERSPECTIVE"] = ["0", "0", "1", "0", "1", "1", "0", "1"], ["KEYER"] = ["0"], ["INVERT"] = ["0"], ["MASTERVOLUME"] = ["1"],
        ["BLEND"] = ["NORMAL"], ["STRAIGHT_ALPHA_OUTPUT"] = ["0"], ["MIPMAP"] = ["0"],
    };

    private readonly ConcurrentDictionary<int, ConcurrentQueue<MixerChange>> _deferred = new();

    public async Task<string> Run(AmcpRequest request, string who)
    {
        int number = request.Channel!.Value;
        var channel = channels.Find(request);
        if (request.Parameters.Count == 0)
            throw AmcpFailure.BadParameter("MIXER", "MIXER needs a property (OPACITY, VOLUME, FILL, CLEAR, COMMIT)");
        string property = request.Parameters[0].ToUpperInvariant();
        if (property == "COMMIT")
            return await Commit(number, who);
        int layer = request.Layer is null && property == "CLEAR" ? -1 : channels.Layer(request);
        var values = request.Parameters.Skip(1).Where(p => !p.Equals("DEFER", StringComparison.OrdinalIgnoreCase)).ToList();
        MixerChange change;
        switch (property)
        {
            case "OPACITY" when values.Count == 0:
                return AmcpReply.Data("MIXER", Number(LayerNow(channel.Channel.Status().Layers, layer)?.Opacity ?? 1));
            case "VOLUME" when values.Count == 0:
                return AmcpReply.Data("MIXER", Number(LayerNow(channel.Channel.Status().Layers, layer)?.Volume ?? 1));
            case "OPACITY":
                change = Ramp(values, 0, 1, "OPACITY", (value, frames) => new($"opacity {value} over {frames} frames on layer {layer}", stage => stage[layer].SetOpacity(value, frames)));
                break;
            case "VOLUME":
                change = Ramp(values, 0, 16, "VOLUME", (value, frames) => new($"volume {value} over {frames} frames on layer {layer}", stage => stage[layer].SetVolume(value, frames)));
                break;
            case "FILL":
                change = Fill(channel.Context.Format.Width, channel.Context.Format.Height, values, layer);
                break;
            case "CLEAR":
                change = new($"mixer cleared on {(layer < 0 ? $"channel {number} (AMCP's layers)" : $"layer {layer}")}", stage =>
                {
                    foreach (var cleared in stage.Layers.Where(l => layer < 0 ? channels.OwnerOf(number, l.Number) is null : l.Number == layer))
                        Reset(cleared);
                });
                break;
            case var _ when Neutral.TryGetValue(property, out var neutral) && values.Count == 0:
                return AmcpReply.Data("MIXER", string.Join(' ', neutral));
            case var _ when Neutral.TryGetValue(property, out var neutral) && IsNeutral(values, neutral):
                return AmcpReply.Ok("MIXER");
            case var _ when Neutral.TryGetValue(property, out var neutral):
                throw new AmcpFailure(501, "MIXER", "FAILED", $"MIXER {property} is only ever {string.Join(' ', neutral)} here: {Supported}");
            default:
                throw new AmcpFailure(501, "MIXER", "FAILED", $"MIXER {property} is not supported: {Supported}");
        }
        if (request.Has("DEFER"))
        {
            _deferred.GetOrAdd(number, _ => new()).Enqueue(change);
            return AmcpReply.Ok("MIXER");
        }
        await channels.Apply(number, new ChannelCommand(change.Description, change.Apply) { Layer = layer < 0 ? null : layer }, who);
        return AmcpReply.Ok("MIXER");
    }

    /// <summary>MIXER c COMMIT: every deferred change of the channel, in the order given, on one tick.</summary>
    private async Task<string> Commit(int number, string who)
    {
        var changes = new List<MixerChange>();
        if (_deferred.TryGetValue(number, out var queue))
        {
            while (queue.TryDequeue(out var change))
                changes.Add(change);
        }
        if (changes.Count > 0)
        {
            await channels.Apply(number, new ChannelCommand($"mixer commit: {string.Join("; ", changes.Select(c => c.Description))}", stage =>
            {
                foreach (var change in changes)
                    change.Apply(stage);
            }), who);
        }
        return AmcpReply.Ok("MIXER");
    }

    /// <summary>Whether the values given (then perhaps a duration and a tween) are the property's neutral ones.</summary>
    private static bool IsNeutral(List<string> values, string[] neutral) =>
        values.Count >= neutral.Length && neutral.Select((n, i) =>
            double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out double expected)
                ? double.TryParse(values[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double given) && given == expected
                : values[i].Equals(n, StringComparison.OrdinalIgnoreCase)).All(same => same);

    private static void Reset(Layer layer)
    {
        layer.SetOpacity(1);
        layer.SetVolume(1, 0);
        layer.SetTransform(PictureTransform.FullFrame);
    }

    /// <summary>VALUE [FRAMES [TWEEN]]: a target reached linearly over a number of frames.</summary>
    private static MixerChange Ramp(List<string> values, double min, double max, string property, Func<double, int, MixerChange> make)
    {
        double value = Value(values[0], min, max, property);
        int frames = values.Count > 1 ? (int)Value(values[1], 0, 10_000_000, $"{property}'s duration") : 0;
        Tween(values, 2);
        return make(value, frames);
    }

    /// <summary>
    /// FILL x y xScale yScale [frames [tween]]: x and y are fractions of the frame; the scales must be equal and 1, 0.5 or
    /// 0.25 (our picture-in-picture sizes), and the move happens at once.
    /// </summary>
    private static MixerChange Fill(int width, int height, List<string> values, int layer)
    {
        if (values.Count < 4)
            throw AmcpFailure.BadParameter("MIXER", "FILL needs x, y, x scale and y scale");
        double x = Value(values[0], 0, 1, "FILL x"), y = Value(values[1], 0, 1, "FILL y");
        double xScale = Value(values[2], 0, 1, "FILL x scale"), yScale = Value(values[3], 0, 1, "FILL y scale");
        if (xScale != yScale || xScale is not (1 or 0.5 or 0.25))
            throw new AmcpFailure(501, "MIXER", "FAILED", $"FILL scales a picture to whole, half or quarter size here (equal x and y: 1, 0.5 or 0.25); got {values[2]} {values[3]}");
        if (values.Count > 4 && Value(values[4], 0, 10_000_000, "FILL's duration") > 0)
            throw new AmcpFailure(501, "MIXER", "FAILED", "FILL moves a picture at once here; give no duration (or 0)");
        Tween(values, 5);
        var transform = new PictureTransform((int)Math.Round(x * width), (int)Math.Round(y * height), (int)Math.Round(1 / xScale));
        return new($"fill at ({transform.X}, {transform.Y}) at 1/{transform.Divisor} size on layer {layer}", stage => stage[layer].SetTransform(transform));
    }

    private static void Tween(List<string> values, int at)
    {
        if (values.Count > at && !values[at].Equals("LINEAR", StringComparison.OrdinalIgnoreCase))
            throw AmcpFailure.Refused("MIXER", $"tween {values[at]} is not supported: mixer changes here are linear");
    }

    private static double Value(string text, double min, double max, string what) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= min && value <= max ? value
            : throw AmcpFailure.BadParameter("MIXER", $"{what} takes a number from {Number(min)} to {Number(max)}; got '{text}'");

    private static Engine.Channels.LayerStatus? LayerNow(IReadOnlyList<Engine.Channels.LayerStatus> layers, int layer) => layers.FirstOrDefault(l => l.Number == layer);

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>A mixer change: what it does, on the tick thread.</summary>
    private sealed record MixerChange(string Description, Action<Engine.Stage.ChannelStage> Apply);
}
