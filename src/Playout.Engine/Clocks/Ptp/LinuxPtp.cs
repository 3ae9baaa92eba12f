using System.Diagnostics;
using System.Globalization;

namespace Playout.Engine.Clocks.Ptp;

/// <summary>
/// The host's PTP daemon, linuxptp's ptp4l, asked through its management socket with linuxptp's <c>pmc</c>: the
/// grandmaster, the offset from it, TAI − UTC, and whether a port follows it. ptp4l (with phc2sys where the NIC has its own clock) keeps the system
/// clock on PTP time; the service reads that clock and asks ptp4l whether it is locked.
/// </summary>
/// <param name="socket">ptp4l's management socket (its <c>uds_address</c>).</param>
/// <param name="domain">The PTP domain (ST 2059-2's default is 127).</param>
public sealed class LinuxPtp(string socket = LinuxPtp.DefaultSocket, int domain = 127) : IPtpSource
{
    public const string DefaultSocket = "/var/run/ptp4l";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public int Domain => domain;

    public PtpStatus? Query()
    {
        var start = new ProcessStartInfo("pmc") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-u", "-b", "0", "-d", domain.ToString(CultureInfo.InvariantCulture), "-s", socket,
            "GET TIME_STATUS_NP", "GET TIME_PROPERTIES_DATA_SET", "GET PORT_DATA_SET" })
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start);
            if (process is null)
                return null;
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            return PtpStatus.Parse(output.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pmc on this host: no PTP.
            return null;
        }
    }
}
