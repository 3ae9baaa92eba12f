using Playout.Devices.Transmitter;
using Playout.Engine.Alarms;
using Playout.TestSupport;

namespace Playout.Devices.Tests.Transmitter;

/// <summary>The shipped profile loads; a broken one is refused with its file, line and field.</summary>
public class TransmitterProfileTests
{
    public static string Generic => Repository.File("configs/devices/transmitter-generic.json");

    public static string HighPower => Repository.File("configs/devices/transmitter-highpower-tables.json");

    [Fact]
    public void The_generic_profile_maps_every_measurement_state_command_and_fault()
    {
        var profile = TransmitterProfiles.Load(Generic);
        Assert.Equal(["forwardPower", "reflectedPower", "vswr", "temperature"], profile.Measurements.Select(m => m.Name));
        Assert.Equal(["rf", "path", "exciter", "output", "mode", "power"], profile.States.Select(s => s.Name));
        Assert.Equal(["rf", "power", "changeover", "exciter", "output", "reset"], profile.Commands.Select(c => c.Name));
        Assert.Equal(["vswr", "temperature", "exciter", "mute"], profile.Alarms.Select(a => a.Name));
        Assert.Equal(AlarmSeverity.Critical, profile.Alarms.Single(a => a.Name == "mute").Severity);
        var power = profile.Commands.Single(c => c.Name == "power");
        Assert.Equal((0.0, 110.0, "%"), (power.Min, power.Max, power.Unit));
        Assert.All(profile.Measurements.Select(m => m.Oid).Concat(profile.States.Select(s => s.Oid)),
            oid => Assert.Equal("1.3.6.1.4.1.32473.20", string.Join('.', oid.ToString().Split('.').Take(8))));
    }

    [Fact]
    public void The_high_power_profile_has_the_generic_names_over_table_rows_bits_and_an_offset()
    {
        var generic = TransmitterProfiles.Load(Generic);
        var profile = TransmitterProfiles.Load(HighPower);
        Assert.Equal(generic.Measurements.Select(m => m.Name).Order(), profile.Measurements.Select(m => m.Name).Order());
        Assert.Equal(generic.States.Select(s => s.Name).Order(), profile.States.Select(s => s.Name).Order());
        Assert.Equal(generic.Commands.Select(c => c.Name).Order(), profile.Commands.Select(c => c.Name).Order());
        Assert.Equal(generic.Alarms.Select(a => a.Name), profile.Alarms.Select(a => a.Name));
        // The same severities, so a transmitter pair's policy (a critical fault changes over even in a break) treats both alike.
        Assert.Equal(generic.Alarms.Select(a => a.Severity), profile.Alarms.Select(a => a.Severity));
        Assert.Equal([0, 1, 2, 3], profile.Alarms.Select(a => a.Bit ?? -1));
        Assert.Single(profile.Alarms.Select(a => a.Oid).Distinct());
        Assert.Equal((0.1, -40.0), profile.Measurements.Single(m => m.Name == "temperature") is var t ? (t.Scale, t.Offset) : default);
        Assert.All(profile.Measurements.Select(m => m.Oid).Concat(profile.States.Select(s => s.Oid)), oid =>
        {
            Assert.StartsWith("1.3.6.1.4.1.32473.21.", oid.ToString());
            Assert.Equal(1u, oid[oid.Length - 1]);
        });
    }

    [Theory]
    [InlineData("{\n \"name\": \"x\",\n \"measurements\": [\n  { \"name\": \"fwd\", \"oid\": \"1.3.x.1\", \"unit\": \"W\" }\n ]\n}",
        "tx.json, line 4: measurements[0].oid: OID '1.3.x.1': sub-identifier 3 ('x') is not a number from 0 to 4294967295")]
    [InlineData("{\n \"name\": \"x\",\n \"colour\": 1\n}", "tx.json, line 3: colour: The JSON property 'colour' could not be mapped")]
    [InlineData("{\n \"name\": \"x\",\n \"measurements\": [ { \"name\": \"fwd\", \"oid\": \"1.3.6\" } ]\n}", "tx.json, line 3: measurements[0]: JSON deserialization for type 'Playout.Devices.Transmitter.ProfileMeasurement' was missing required properties including: 'unit'")]
    [InlineData("{\n \"name\": \"x\",\n \"states\": [ { \"name\": \"p\", \"oid\": \"1.3.6.1.0\" } ],\n \"commands\": [\n  { \"name\": \"power\", \"oid\": \"1.3.6.1.0\", \"parameter\": \"percent\", \"setting\": \"p\", \"min\": 100, \"max\": 10 }\n ]\n}",
        "tx.json, line 5: power: range 100 to 10 needs both ends, min at most max")]
    [InlineData("{\n \"name\": \"x\",\n \"commands\": [\n  { \"name\": \"rf\", \"oid\": \"1.3.6.1.0\", \"parameter\": \"state\", \"setting\": \"rf\", \"values\": { \"on\": 1 } }\n ]\n}",
        "tx.json, line 4: rf: setting 'rf' is not one of the states ()")]
    [InlineData("{ \"name\": \"x\", \"alarms\": [ { \"name\": \"vswr\", \"oid\": \"1.3.6.1.0\", \"active\": [1], \"severity\": \"dire\", \"message\": \"m\" } ] }",
        "tx.json, line 1: alarms[0].severity: The JSON value could not be converted to Playout.Engine.Alarms.AlarmSeverity")]
    [InlineData("{\n \"name\": \"x\",\n \"alarms\": [\n  { \"name\": \"vswr\", \"oid\": \"1.3.6.1.1\", \"active\": [1], \"bit\": 0, \"message\": \"m\" }\n ]\n}",
        "tx.json, line 4: vswr: an alarm takes either active values or a bit, one of them")]
    [InlineData("{ \"name\": \"x\", \"alarms\": [ { \"name\": \"mute\", \"oid\": \"1.3.6.1.1\", \"message\": \"m\" } ] }",
        "tx.json, line 1: mute: an alarm takes either active values or a bit, one of them")]
    [InlineData("{\n \"name\": \"x\",\n \"alarms\": [\n\n  { \"name\": \"mute\", \"oid\": \"1.3.6.1.1\", \"bit\": 32, \"message\": \"m\" }\n ]\n}",
        "tx.json, line 5: mute: bit 32 is not from 0 to 31")]
    [InlineData("{ \"name\": \"x\", \"measurements\": [ { \"name\": \"t\", \"oid\": \"1.3.6.1.1\", \"unit\": \"C\", \"offset\": \"cold\" } ] }",
        "tx.json, line 1: measurements[0].offset: The JSON value could not be converted to System.Double")]
    [InlineData("not json", "tx.json, line 1: (profile): 'not json' is an invalid JSON literal")]
    public void A_broken_profile_is_refused_with_file_line_and_field(string json, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => TransmitterProfiles.Parse(json, "tx.json"));
        Assert.StartsWith(expected, error.Message);
        Assert.DoesNotContain("   at ", error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() => TransmitterProfiles.Load("/nonexistent/tx.json"));
        Assert.StartsWith("/nonexistent/tx.json: cannot read the profile:", error.Message);
    }
}
