using Playout.Devices.Transmitter;
using Playout.HwSim.Transmitter;

namespace Playout.Devices.Tests.Transmitter;

/// <summary>The twin serves only what it simulates: a profile naming anything else is refused, naming it.</summary>
public class TransmitterTwinTests
{
    [Fact]
    public void A_profile_naming_what_the_twin_does_not_simulate_is_refused()
    {
        var profile = TransmitterProfiles.Parse("""
            { "name": "odd",
              "measurements": [ { "name": "forwardPower", "oid": "1.3.6.1.4.1.32473.20.1.1.0", "unit": "W" },
                                { "name": "frobs", "oid": "1.3.6.1.4.1.32473.20.1.9.0", "unit": "Hz" } ],
              "alarms": [ { "name": "smoke", "oid": "1.3.6.1.4.1.32473.20.3.9.0", "active": [1], "message": "smoke" } ] }
            """, "odd.json");
        var error = Assert.Throws<ArgumentException>(() => new TransmitterTwin(profile, new TransmitterTwinOptions()));
        Assert.Equal("transmitter twin: profile odd names what the twin does not simulate: frobs, smoke", error.Message);
    }
}
