using System.Collections.Immutable;

namespace Playout.Media.Scte35;

/// <summary>splice_command_type values (SCTE 35 table 7).</summary>
public enum SpliceCommandType : byte
{
    SpliceNull = 0x00,
    SpliceSchedule = 0x04,
    SpliceInsert = 0x05,
    TimeSignal = 0x06,
    BandwidthReservation = 0x07,
    PrivateCommand = 0xFF,
}

/// <summary>The command of a splice_info_section: <see cref="SpliceNull"/>, <see cref="SpliceInsert"/>, <see cref="TimeSignal"/>,
/// or any other type kept as raw bytes (<see cref="UnknownSpliceCommand"/>).</summary>
public abstract record SpliceCommand
{
    private protected SpliceCommand()
    {
    }

    public abstract SpliceCommandType Type { get; }
}

/// <summary>splice_null(): no command (heartbeat, or a carrier for descriptors).</summary>
public sealed record SpliceNull : SpliceCommand
{
    public override SpliceCommandType Type => SpliceCommandType.SpliceNull;
}

/// <summary>
/// splice_insert() in program splice mode (program_splice_flag = 1).
/// </summary>
/// <param name="EventId">splice_event_id.</param>
/// <param name="Cancel">splice_event_cancel_indicator: cancels the event <paramref name="EventId"/>; every other field is then absent on the wire.</param>
/// <param name="OutOfNetwork">out_of_network_indicator: true at the start of a break (leave the network), false at its end (return).</param>
/// <param name="Time">When to splice; <see cref="SpliceTime.Immediate"/> (null pts_time) sets splice_immediate_flag instead.</param>
/// <param name="Duration">break_duration(), or null (duration_flag = 0).</param>
public sealed record SpliceInsert(
    uint EventId, bool OutOfNetwork, SpliceTime Time, BreakDuration? Duration = null,
    ushort UniqueProgramId = 0, byte AvailNum = 0, byte AvailsExpected = 0, bool Cancel = false) : SpliceCommand
{
    public override SpliceCommandType Type => SpliceCommandType.SpliceInsert;

    /// <summary>A splice_insert that cancels the earlier event <paramref name="eventId"/>.</summary>
    public static SpliceInsert CancelEvent(uint eventId) => new(eventId, false, SpliceTime.Immediate, Cancel: true);
}

/// <summary>time_signal(): marks a time, described by the section's descriptors (segmentation_descriptor ...).</summary>
public sealed record TimeSignal(SpliceTime Time) : SpliceCommand
{
    public override SpliceCommandType Type => SpliceCommandType.TimeSignal;
}

/// <summary>A command this codec does not model (splice_schedule, bandwidth_reservation, private_command): its bytes as they are.</summary>
public sealed record UnknownSpliceCommand(SpliceCommandType CommandType, ImmutableArray<byte> Bytes) : SpliceCommand
{
    public override SpliceCommandType Type => CommandType;

    public bool Equals(UnknownSpliceCommand? other) =>
        other is not null && CommandType == other.CommandType && Bytes.AsSpan().SequenceEqual(other.Bytes.AsSpan());

    public override int GetHashCode() => HashCode.Combine(CommandType, Bytes.Length);
}

/// <summary>splice_time(): a 33-bit PTS in 90 kHz units, or none (time_specified_flag = 0: "immediately" for splice_insert).</summary>
public readonly record struct SpliceTime(ulong? PtsTime)
{
    public const ulong PtsMask = (1UL << 33) - 1;

    public static SpliceTime Immediate => default;

    public static SpliceTime At(ulong pts) => new(pts & PtsMask);

    public bool IsSpecified => PtsTime.HasValue;

    /// <summary>pts_time in seconds, or null.</summary>
    public double? Seconds => PtsTime is { } pts ? pts / 90000.0 : null;
}

/// <summary>break_duration(): the break's length in 90 kHz units (33 bits); with <paramref name="AutoReturn"/> the splicer returns to the network by itself.</summary>
public readonly record struct BreakDuration(bool AutoReturn, ulong Duration)
{
    public static BreakDuration FromTimeSpan(TimeSpan duration, bool autoReturn) =>
        new(autoReturn, (ulong)Math.Round(duration.Ticks * 90000.0 / TimeSpan.TicksPerSecond) & SpliceTime.PtsMask);

    public double Seconds => Duration / 90000.0;
}
