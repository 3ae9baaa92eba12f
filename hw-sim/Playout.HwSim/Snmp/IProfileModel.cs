namespace Playout.HwSim.Snmp;

/// <summary>
/// What a twin simulates, in the words of a device profile's names (docs/DEVICES.md): the <see cref="ProfileTwin"/>
/// encodes it into the profile's objects (scales, offsets, value words, alarm bits) and decodes the SETs it receives.
/// </summary>
internal interface IProfileModel
{
    /// <summary>The names this model simulates: a profile naming anything else is refused.</summary>
    TwinNames Names { get; }

    /// <summary>True while the device answers nothing (a communications loss: requests are dropped).</summary>
    bool Silent { get; }

    /// <summary>A measurement in the profile's unit.</summary>
    double Measure(string name);

    /// <summary>A state: one of the words of its profile values, or a number (invariant text) for a state without values.</summary>
    string State(string name);

    bool Alarm(string name);

    /// <summary>Carries out a command whose argument the twin decoded and checked against the profile (a word, a number, or null for none).</summary>
    void Command(string name, string? argument);
}
