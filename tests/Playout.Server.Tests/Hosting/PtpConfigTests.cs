using Playout.Server.Hosting;

namespace Playout.Server.Tests.Hosting;

public class PtpConfigTests
{
    [Theory]
    [InlineData(300, 10, "/var/run/ptp4l", "domain", "a PTP domain is 0 to 255; got 300")]
    [InlineData(127, 0, "/var/run/ptp4l", "lockedWithinMicroseconds", "above 0 and at most a second; got 0")]
    [InlineData(127, 10, " ", "socket", "management socket path is needed")]
    public void A_ptp_setting_it_cannot_use_is_named(int domain, double lockedWithin, string socket, string field, string message)
    {
        var problems = new ConfigProblems("service.json");
        new PtpConfig { Domain = domain, LockedWithinMicroseconds = lockedWithin, Socket = socket }.Validate("channels[0].ptp", problems);
        var error = Assert.Throws<ConfigException>(problems.ThrowIfAny);
        Assert.StartsWith($"service.json: channels[0].ptp.{field}: ", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void The_defaults_are_st_2059_2s_domain_and_linuxptps_socket()
    {
        var problems = new ConfigProblems("service.json");
        var ptp = new PtpConfig();
        ptp.Validate("channels[0].ptp", problems);
        problems.ThrowIfAny();
        Assert.Equal((127, "/var/run/ptp4l", 10.0), (ptp.Domain, ptp.Socket, ptp.LockedWithinMicroseconds));
    }
}
