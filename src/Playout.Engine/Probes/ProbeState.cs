namespace Playout.Engine.Probes;

/// <summary>The probes' live state for status, REST and SNMP.</summary>
public sealed record ProbeState(ProbeCondition Black, ProbeCondition Freeze, ProbeCondition Silence)
{
    public static ProbeState Idle { get; } = new(ProbeCondition.Off, ProbeCondition.Off, ProbeCondition.Off);

    public ProbeCondition this[ProbeKind kind] => kind switch
    {
        ProbeKind.Black => Black,
        ProbeKind.Freeze => Freeze,
        _ => Silence,
    };

    public ProbeState With(ProbeKind kind, ProbeCondition condition) => kind switch
    {
        ProbeKind.Black => this with { Black = condition },
        ProbeKind.Freeze => this with { Freeze = condition },
        _ => this with { Silence = condition },
    };
}

/// <summary>Whether the condition is on air now, and since when (the start of its episode).</summary>
public sealed record ProbeCondition(bool Active, long? SinceTick, DateTimeOffset? Since)
{
    public static ProbeCondition Off { get; } = new(false, null, null);
}
