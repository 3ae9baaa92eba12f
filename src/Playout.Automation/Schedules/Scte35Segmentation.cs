using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Playout.Media.Scte35;

namespace Playout.Automation.Schedules;

/// <summary>
/// A schedule's segmentation_descriptor (SCTE 35, program segmentation, delivery not restricted): a placement opportunity,
/// a programme or chapter boundary, an ad, for packagers and ad decision systems downstream.
/// </summary>
/// <param name="TypeId">segmentation_type_id (<see cref="SegmentationTypes"/>).</param>
/// <param name="EventId">segmentation_event_id; null: the cue's event id.</param>
/// <param name="Duration">segmentation_duration; null: the cue's duration, if any.</param>
/// <param name="UpidType">segmentation_upid_type (0x09 ADI, 0x0C MPU, 0x0F URI …); 0 with no <paramref name="Upid"/>.</param>
/// <param name="Upid">The UPID as written: text (its ASCII bytes) or <c>0x</c> and hex digits (the bytes); null for none.</param>
public sealed record Scte35Segmentation(byte TypeId, uint? EventId = null, TimeSpan? Duration = null, byte UpidType = 0, string? Upid = null,
    byte SegmentNum = 0, byte SegmentsExpected = 0, byte SubSegmentNum = 0, byte SubSegmentsExpected = 0)
{
    /// <summary>The descriptor for <paramref name="cue"/> (its event id and duration where this one has none).</summary>
    public SegmentationDescriptor Descriptor(Scte35Cue cue)
    {
        var (upid, error) = ParseUpid(Upid ?? "");
        if (error is not null)
            throw new FormatException($"segmentation upid: {error}");
        ulong? duration = (Duration ?? cue.BreakDuration) is { } time ? (ulong)Math.Round(time.TotalSeconds * 90_000) : null;
        return new SegmentationDescriptor(EventId ?? cue.EventId, TypeId, SegmentNum, SegmentsExpected, duration, UpidType, upid,
            SubSegmentNum: SubSegmentNum, SubSegmentsExpected: SubSegmentsExpected);
    }

    /// <summary>A type written as one of <see cref="SegmentationTypes"/>' names or a number (decimal, or hex with 0x).</summary>
    public static (byte Value, string? Error) ParseType(string text) =>
        SegmentationTypes.ByName.TryGetValue(text.Trim(), out byte id) ? (id, null)
        : ParseByte(text) is { Error: null } number ? number
        : ((byte)0, $"\"{text}\" is neither a segmentation type (providerPlacementOpportunityStart, programStart, chapterStart … see docs/SCHEDULE-FORMAT.md) nor a number 0 to 255");

    /// <summary>A number 0 to 255, decimal or hex with 0x.</summary>
    public static (byte Value, string? Error) ParseByte(string text)
    {
        text = text.Trim();
        bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        return byte.TryParse(hex ? text[2..] : text, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out byte value)
            ? (value, null)
            : ((byte)0, $"\"{text}\" is not a number 0 to 255 (decimal, or hex with 0x)");
    }

    /// <summary>A UPID's bytes: ASCII text as it is, or "0x" and an even number of hex digits; at most 255 bytes.</summary>
    public static (ImmutableArray<byte> Value, string? Error) ParseUpid(string text)
    {
        byte[] bytes;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            var digits = text.AsSpan(2);
            if (digits.Length % 2 != 0 || digits.ContainsAnyExcept("0123456789abcdefABCDEF"))
                return ([], $"\"{text}\" is not 0x and an even number of hex digits");
            bytes = Convert.FromHexString(digits);
        }
        else if (!Ascii.IsValid(text) || text.Any(char.IsControl))
            return ([], $"\"{text}\" has characters outside printable ASCII (write the bytes as 0x and hex digits)");
        else
            bytes = Encoding.ASCII.GetBytes(text);
        return bytes.Length > byte.MaxValue ? ([], $"{bytes.Length} bytes, over the 255 a UPID may have") : ([.. bytes], null);
    }
}
