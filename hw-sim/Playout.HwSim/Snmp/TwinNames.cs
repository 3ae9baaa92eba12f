using Playout.Devices.Transmitter;

namespace Playout.HwSim.Snmp;

/// <summary>The measurement, state, command and alarm names a twin simulates.</summary>
internal sealed record TwinNames(string[] Measurements, string[] States, string[] Commands, string[] Alarms)
{
    /// <summary>Refuses a profile naming anything this twin does not simulate, naming it.</summary>
    public void Check(TransmitterProfile profile, string twin)
    {
        string[] unknown = [.. profile.Measurements.Select(m => m.Name).Except(Measurements)
            .Concat(profile.States.Select(s => s.Name).Except(States))
            .Concat(profile.Commands.Select(c => c.Name).Except(Commands))
            .Concat(profile.Alarms.Select(a => a.Name).Except(Alarms))];
        if (unknown.Length > 0)
            throw new ArgumentException($"{twin} twin: profile {profile.Name} names what the twin does not simulate: {string.Join(", ", unknown)}");
    }
}
