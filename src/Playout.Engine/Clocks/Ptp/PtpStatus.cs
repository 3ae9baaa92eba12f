using System.Globalization;
using System.Text.RegularExpressions;

namespace Playout.Engine.Clocks.Ptp;

/// <summary>
/// What the host's PTP daemon says of its time: whether it follows a grandmaster, which, how far from it, and PTP's offset
/// from UTC (TAI − UTC). Read from linuxptp's management answers (<c>pmc</c>'s TIME_STATUS_NP, TIME_PROPERTIES_DATA_SET and
/// PORT_DATA_SET). A grandmaster counts as present only while a port follows it (SLAVE, or UNCALIBRATED while its servo
/// settles; the offset then tells how far): ptp4l keeps reporting the last grandmaster it had, and its offset, after its
/// announcements stop and the port goes back to LISTENING.
/// </summary>
/// <param name="Grandmaster">The grandmaster's clock identity as linuxptp writes it ("3a782e.fffe.15dd77").</param>
/// <param name="OffsetNanoseconds">The host's offset from its master (ptp4l's master_offset).</param>
/// <param name="UtcOffset">Seconds TAI is ahead of UTC (37 since 2017), as the grandmaster announces it.</param>
public sealed partial record PtpStatus(bool GrandmasterPresent, string? Grandmaster, long OffsetNanoseconds, int UtcOffset)
{
    /// <summary>TAI − UTC when no grandmaster says (the value since 2017-01-01).</summary>
    public const int DefaultUtcOffset = 37;

    /// <summary>The grandmaster's identity as an SDP's ts-refclk writes it (ST 2110-10): EUI-64, upper-case bytes joined by '-'.</summary>
    public string? GrandmasterEui64 => Grandmaster is { } id && Identity().IsMatch(id)
        ? string.Join('-', Enumerable.Range(0, 8).Select(i => id.Replace(".", "", StringComparison.Ordinal).Substring(2 * i, 2).ToUpperInvariant()))
        : null;

    /// <summary>Reads pmc's answers; null when they hold no TIME_STATUS_NP response (no daemon, or a timeout).</summary>
    public static PtpStatus? Parse(string pmcOutput)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        bool following = false;
        foreach (var line in pmcOutput.Split('\n'))
        {
            var match = Field().Match(line);
            if (!match.Success)
                continue;
            fields.TryAdd(match.Groups[1].Value, match.Groups[2].Value.Trim());
            following |= match.Groups[1].Value == "portState" && match.Groups[2].Value.Trim() is "SLAVE" or "UNCALIBRATED";
        }
        if (!pmcOutput.Contains("RESPONSE MANAGEMENT TIME_STATUS_NP", StringComparison.Ordinal)
            || !fields.TryGetValue("gmPresent", out var present)
            || !long.TryParse(fields.GetValueOrDefault("master_offset"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long offset))
            return null;
        bool gm = present == "true" && following;
        int utcOffset = fields.GetValueOrDefault("currentUtcOffsetValid") == "1"
            && int.TryParse(fields.GetValueOrDefault("currentUtcOffset"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int announced)
            ? announced : DefaultUtcOffset;
        return new PtpStatus(gm, gm ? fields.GetValueOrDefault("gmIdentity") : null, offset, utcOffset);
    }

    [GeneratedRegex(@"^\s+(\w+)\s+(\S.*)$")]
    private static partial Regex Field();

    [GeneratedRegex(@"^[0-9a-fA-F]{6}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{6}$")]
    private static partial Regex Identity();
}
