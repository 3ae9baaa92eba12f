using Playout.Engine.Alarms;
using Playout.Engine.Clocks;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>
/// The devices an operator's panel lists: each channel's card (its clock's lock), each configured output with its counters
/// and state (failed while its alarm stands, behind while it has dropped frames in the last <see cref="BehindWindow"/>),
/// and the configured devices with their link and the last command sent to each.
/// </summary>
public sealed class DeviceView(IReadOnlyList<ChannelRuntime> channels, Devices.DeviceRegistry devices)
{
    public static readonly TimeSpan BehindWindow = TimeSpan.FromSeconds(10);

    public sealed record Card(string Channel, string Driver, int Output, string State, bool Genlocked, string Detail);
    public sealed record Output(string Channel, int Index, string Type, string Target, string State, long FramesSent, long Dropped, string? Alarm);
    /// <param name="State">ok (connected), connecting, or failed (the link is lost), with <paramref name="Error"/> saying why.</param>
    public sealed record Device(string Name, string Driver, string State, string? Identity, string? Error, string? LastAction, DateTimeOffset? LastActionAt);

    /// <summary>Each output's dropped count when last read, and when it last grew.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, int), (long Dropped, DateTimeOffset Grew)> _dropped = new();

    public (IReadOnlyList<Card> Cards, IReadOnlyList<Output> Outputs, IReadOnlyList<Device> Devices) Read(IReadOnlyList<Alarm> active)
    {
        var now = DateTimeOffset.UtcNow;
        var cards = new List<Card>();
        var outputs = new List<Output>();
        foreach (var channel in channels)
        {
            var status = channel.Channel.Status();
            if (channel.Config.Card is { } card)
            {
                var clock = active.FirstOrDefault(a => a.Source == ClockAlarms.Reference(status.Name));
                cards.Add(new Card(status.Name, card.Driver, card.Output, clock is null ? "ok" : "failed", status.Genlocked, clock?.Message ?? status.ClockSource));
            }
            for (int i = 0; i < channel.Config.Outputs.Count && i < status.Consumers.Count; i++)
            {
                var output = channel.Config.Outputs[i];
                var consumer = status.Consumers[i];
                var alarm = active.FirstOrDefault(a => a.Source == $"{status.Name}/output {consumer.Name}");
                var (dropped, grew) = _dropped.AddOrUpdate((status.Name, i), (consumer.Counters.Dropped, DateTimeOffset.MinValue),
                    (_, last) => consumer.Counters.Dropped > last.Dropped ? (consumer.Counters.Dropped, now) : last);
                string state = alarm is not null ? "failed" : now - grew < BehindWindow ? "behind" : "ok";
                outputs.Add(new Output(status.Name, i, output.Type.ConfigName(), output.Url ?? (output.Type == OutputKind.Card ? $"card output {channel.Config.Card?.Output}" : consumer.Name),
                    state, consumer.Counters.Sent, dropped, alarm?.Message));
            }
        }
        var list = devices.All.Select(d => d.Status()).Select(d => new Device(d.Name, d.Driver, d.Connection switch
        {
            Devices.ConnectionState.Connected => "ok",
            Devices.ConnectionState.Connecting => "connecting",
            _ => "failed",
        }, d.Identity, d.Error, d.LastCommand, d.LastCommandAt)).ToList();
        return (cards, outputs, list);
    }
}
