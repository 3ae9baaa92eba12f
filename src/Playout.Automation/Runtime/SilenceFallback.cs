using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Probes;
using Playout.Engine.Producers;

namespace Playout.Automation.Runtime;

/// <summary>
/// Dead air's answer: once the programme has been silent for the silence probe's time, the fallback (a playlist, looping)
/// covers it as an emergency would, by <see cref="Who"/>, under the major alarm <c>CHANNEL/fallback</c>; the next item to
/// go to air ends it on that item's own frame (<see cref="UncoverOnTake"/>, run by the cut), as does an operator clearing
/// (or replacing) the emergency. The automation runs on underneath. Used under the automation's lock, but for
/// <see cref="Open"/> and <see cref="UncoverOnTake"/>.
/// </summary>
internal sealed class SilenceFallback(Channel channel, Func<Producer> open)
{
    /// <summary>Who the fallback's emergency and as-run notes name.</summary>
    public const string Who = "silence failover";

    /// <summary>The emergency's "to".</summary>
    public const string To = "fallback";

    private string? _covering;

    /// <summary>Whether the next cut uncovers the programme: set while the fallback covers it, unset by anything else that does.</summary>
    private volatile bool _uncoverOnTake;

    private string Alarm => $"{channel.Name}/fallback";

    /// <summary>The hold's alarm: a failover held is a safety net taken away, shown until the hold ends.</summary>
    private string HoldAlarm => $"{channel.Name}/fallback hold";

    private long _heldUntil = -1;

    /// <summary>
    /// An operator's hold on the failover (a minute's silence on air, intended): until the channel's tick
    /// <see cref="HeldUntil"/>, silence is left on air. Null when not held.
    /// </summary>
    public long? HeldUntil => _heldUntil < 0 ? null : _heldUntil;

    /// <summary>Holds the failover until tick <paramref name="until"/>, under a warning that says who and until when.</summary>
    public void Hold(long until, string who, string untilText)
    {
        _heldUntil = until;
        channel.Context.Alarms.Raise(HoldAlarm, AlarmSeverity.Warning, $"the silence failover is held by {who} until {untilText}: silence stays on air");
    }

    /// <summary>Ends a hold (an operator's release, or its time at tick <paramref name="now"/>); whether there was one to end.</summary>
    public bool Release(long now, bool expiredOnly = false)
    {
        if (_heldUntil < 0 || expiredOnly && now < _heldUntil)
            return false;
        _heldUntil = -1;
        channel.Context.Alarms.Clear(HoldAlarm);
        return true;
    }

    /// <summary>Whether <paramref name="episode"/> is silence that has just lasted the probe's time.</summary>
    public static bool Wants(ProbeEvent episode) => episode is { Kind: ProbeKind.Silence, IsOpen: true };

    /// <summary>Whether the failover is held at tick <paramref name="now"/>.</summary>
    public bool IsHeld(long now) => _heldUntil >= 0 && now < _heldUntil;

    /// <summary>Opens the fallback (its first file starts decoding); off the lock, as an opening may take a while.</summary>
    public Producer Open() => open();

    /// <summary>The fallback cannot go to air (no files, none readable): the alarm says so, and the silence goes on.</summary>
    public void Failed(string why) => channel.Context.Alarms.Raise(Alarm, AlarmSeverity.Critical, $"silence on air and the fallback cannot play: {why}");

    /// <summary>Covers the programme with <paramref name="producer"/>; <paramref name="onAir"/> is the item on air (null: none), which it covers until another airs.</summary>
    public void CutTo(ChannelOverrides overrides, EmergencyStatus status, Producer producer, (string Key, string Title)? onAir)
    {
        overrides.Cut(status, ChannelOverrides.EmergencyLayer, producer);
        _covering = onAir?.Key ?? "";
        _uncoverOnTake = true;
        channel.Context.Alarms.Raise(Alarm, AlarmSeverity.Major,
            $"silence on air: the fallback covers {(onAir is { } item ? item.Title : "the programme")} until the next item");
    }

    /// <summary>On the tick, from the next item's cut: the fallback goes off air on the item's first frame.</summary>
    public void UncoverOnTake(Engine.Stage.ChannelStage stage)
    {
        if (!_uncoverOnTake)
            return;
        _uncoverOnTake = false;
        ChannelOverrides.Uncover(stage, loaded: true);
    }

    /// <summary>An operator's emergency or clear takes over: the next cut leaves the cover as that leaves it.</summary>
    public void Withdraw() => _uncoverOnTake = false;

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
        _uncoverOnTake = false;
        channel.Context.Alarms.Clear(Alarm);
        return ours;
    }
}
