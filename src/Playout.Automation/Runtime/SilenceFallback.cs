using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Probes;
using Playout.Engine.Producers;

namespace Playout.Automation.Runtime;

/// <summary>
/// Dead air's answer: once the programme has been silent for the silence probe's time, the fallback (a playlist, looping)
/// covers it as an emergency would, by <see cref="Who"/>, under the major alarm <c>CHANNEL/fallback</c>; the next item to
/// go to air ends it, as does an operator clearing (or replacing) the emergency. The automation runs on underneath. Used
/// under the automation's lock, but for <see cref="Open"/>.
/// </summary>
internal sealed class SilenceFallback(Channel channel, Func<Producer> open)
{
    /// <summary>Who the fallback's emergency and as-run notes name.</summary>
    public const string Who = "silence failover";

    /// <summary>The emergency's "to".</summary>
    public const string To = "fallback";

    private string? _covering;

    private string Alarm => $"{channel.Name}/fallback";

    /// <summary>Whether <paramref name="episode"/> is silence that has just lasted the probe's time.</summary>
    public static bool Wants(ProbeEvent episode) => episode is { Kind: ProbeKind.Silence, IsOpen: true };

    /// <summary>Opens the fallback (its first file starts decoding); off the lock, as an opening may take a while.</summary>
    public Producer Open() => open();

    /// <summary>The fallback cannot go to air (no files, none readable): the alarm says so, and the silence goes on.</summary>
    public void Failed(string why) => channel.Context.Alarms.Raise(Alarm, AlarmSeverity.Critical, $"silence on air and the fallback cannot play: {why}");

    /// <summary>Covers the programme with <paramref name="producer"/>; <paramref name="onAir"/> is the item on air (null: none), which it covers until another airs.</summary>
    public void CutTo(ChannelOverrides overrides, EmergencyStatus status, Producer producer, (string Key, string Title)? onAir)
    {
        overrides.Cut(status, ChannelOverrides.EmergencyLayer, producer);
        _covering = onAir?.Key ?? "";
        channel.Context.Alarms.Raise(Alarm, AlarmSeverity.Major,
            $"silence on air: the fallback covers {(onAir is { } item ? item.Title : "the programme")} until the next item");
    }

    /// <summary>
    /// After each collect: whether the fallback should end now, the item on air (<paramref name="onAirKey"/>) not being the one
    /// it covered. An emergency no longer its own (an operator cleared or replaced it) ends it too, and the caller has nothing to clear.
    /// </summary>
    public bool Ends(EmergencyStatus? emergency, string? onAirKey)
    {
        if (_covering is null || emergency?.Who == Who && (onAirKey ?? "") == _covering)
            return false;
        bool ours = emergency?.Who == Who;
        _covering = null;
        channel.Context.Alarms.Clear(Alarm);
        return ours;
    }
}
