using System.IO.Ports;
using Playout.Devices.Serial;
using Playout.Engine.Alarms;
using static Playout.Devices.Tests.Serial.SerialRig;

namespace Playout.Devices.Tests.Serial;

/// <summary>The shipped serial profiles load with the generic names; a broken one is refused with its file, line and field.</summary>
public class SerialProfileTests
{
    /// <summary>A serial device and its SNMP counterpart present the same names, units, commands and alarms: a configuration swaps one for the other.</summary>
    [Theory]
    [InlineData("transmitter-serial.json", "transmitter-generic.json", 9600, "\r")]
    [InlineData("encoder-serial.json", "encoder-generic.json", 19200, "\n")]
    public void A_serial_profile_has_its_generic_SNMP_profiles_names(string file, string generic, int baud, string terminator)
    {
        var serial = SerialProfiles.Load(Playout.TestSupport.Repository.File($"configs/devices/{file}"));
        var snmp = Playout.Devices.Transmitter.TransmitterProfiles.Load(Playout.TestSupport.Repository.File($"configs/devices/{generic}"));
        Assert.Equal(snmp.Measurements.Select(m => (m.Name, m.Unit)), serial.Measurements.Select(m => (m.Name, m.Unit)));
        Assert.Equal(snmp.States.Select(s => s.Name), serial.States.Select(s => s.Name));
        Assert.Equal(snmp.States.Select(s => s.Values?.Values.Order().ToArray()), serial.States.Select(s => s.Values?.Values.Order().ToArray()));
        Assert.Equal(snmp.Commands.Select(c => (c.Name, c.Parameter, c.Setting, c.Min, c.Max, c.Unit)), serial.Commands.Select(c => (c.Name, c.Parameter, c.Setting, c.Min, c.Max, c.Unit)));
        Assert.Equal(snmp.Commands.Select(c => c.Values?.Keys.ToArray()), serial.Commands.Select(c => c.Values?.Keys.ToArray()));
        Assert.Equal(snmp.Alarms.Select(a => (a.Name, a.Severity, a.Message)), serial.Alarms.Select(a => (a.Name, a.Severity, a.Message)));
        Assert.Equal((baud, Parity.None, 8, 1.0, terminator), (serial.Line.Baud, serial.Line.Parity, serial.Line.DataBits, serial.Line.StopBits, serial.Line.Terminator));
    }

    private const string Poll = "\"polls\": [ { \"command\": \"S?\", \"response\": \"^S (?<p>\\\\d+)$\" } ],\n \"states\": [ { \"name\": \"p\" } ]";

    [Theory]
    [InlineData("{\n \"name\": \"x\",\n \"colour\": 1\n}", "s.json, line 3: colour: The JSON property 'colour' could not be mapped")]
    [InlineData("{\n \"name\": \"x\",\n \"line\": { \"parity\": \"purple\" }\n}", "s.json, line 3: line.parity: The JSON value could not be converted to System.IO.Ports.Parity")]
    [InlineData("{\n \"name\": \"x\",\n \"line\": { \"stopBits\": 3 }\n}", "s.json, line 3: line.stopBits: 3 is not 1, 1.5 or 2")]
    [InlineData("{\n \"name\": \"x\",\n \"line\": {\n \"terminator\": \";\" }\n}", "s.json, line 4: line.terminator: is not \"\\r\", \"\\n\" or \"\\r\\n\"")]
    [InlineData("{\n \"name\": \"x\",\n \"polls\": [\n { \"command\": \"S?\", \"response\": \"^S (?<p>\" } ]\n}", "s.json, line 4: polls[0].response: pattern '^S (?<p>': Invalid pattern")]
    [InlineData("{\n \"name\": \"x\",\n \"polls\": [ { \"command\": \"S?\", \"response\": \"^S (?<p>\\\\d+)$\" } ]\n}", "s.json, line 3: polls: group 'p' is no measurement's, state's or alarm's")]
    [InlineData("{\n \"name\": \"x\",\n \"measurements\": [\n { \"name\": \"fwd\", \"unit\": \"W\" } ]\n}", "s.json, line 4: fwd: group 'fwd' is in no poll's response")]
    [InlineData("{\n \"name\": \"x\",\n " + Poll + ",\n \"commands\": [\n { \"name\": \"p\", \"template\": \"P {percent:000\", \"parameter\": \"percent\", \"min\": 0, \"max\": 9 } ]\n}",
        "s.json, line 6: commands[0].template: template 'P {percent:000': '{' at 3 is not closed")]
    [InlineData("{\n \"name\": \"x\",\n " + Poll + ",\n \"commands\": [\n { \"name\": \"p\", \"template\": \"P {level}\", \"parameter\": \"percent\", \"min\": 0, \"max\": 9 } ]\n}",
        "s.json, line 6: p: template 'P {level}': '{level}' is not its parameter (percent)")]
    [InlineData("{\n \"name\": \"x\",\n " + Poll + ",\n \"commands\": [\n { \"name\": \"p\", \"template\": \"P\", \"parameter\": \"percent\", \"min\": 0, \"max\": 9 } ]\n}",
        "s.json, line 6: p: template 'P' does not send its parameter {percent}")]
    [InlineData("{\n \"name\": \"x\",\n " + Poll + ",\n \"commands\": [\n { \"name\": \"p\", \"template\": \"P {n}\", \"parameter\": \"n\", \"min\": 9, \"max\": 0 } ]\n}",
        "s.json, line 6: p: range 9 to 0 needs both ends, min at most max")]
    [InlineData("{\n \"name\": \"x\",\n " + Poll + ",\n \"commands\": [\n { \"name\": \"p\", \"template\": \"P {n}\", \"parameter\": \"n\", \"setting\": \"q\", \"values\": { \"a\": \"A\" } } ]\n}",
        "s.json, line 6: p: setting 'q' is not one of the states (p)")]
    [InlineData("{\n \"name\": \"x\",\n \"polls\": [ { \"command\": \"S?\", \"response\": \"^S (?<rf>\\\\w+)$\" } ],\n \"states\": [ { \"name\": \"rf\", \"values\": { \"1\": \"on\" } } ],\n \"commands\": [\n { \"name\": \"rf\", \"template\": \"RF {s}\", \"parameter\": \"s\", \"setting\": \"rf\", \"values\": { \"up\": \"1\" } } ]\n}",
        "s.json, line 6: rf: 'up' is not a word of state rf (on)")]
    [InlineData("{\n \"name\": \"x\",\n \"polls\": [ { \"command\": \"F?\", \"response\": \"^F (?<f>\\\\d)$\" } ],\n \"alarms\": [\n { \"name\": \"f\", \"active\": [], \"message\": \"m\" } ]\n}",
        "s.json, line 5: f: active lists no value")]
    [InlineData("{\n \"name\": \"x\",\n \"identity\": { \"command\": \"ID?\", \"response\": \"^(?<model>.+)$\" }\n}", "s.json, line 3: identity.response: group 'model': the identity's reply has only the group 'identity'")]
    [InlineData("{\n \"name\": \"x\",\n \"polls\": [ ]\n}", "s.json, line 3: polls: lists no query (a poll finds a silent line)")]
    [InlineData("{\n \"name\": \"x\"\n}", "s.json, line 1: polls: lists no query (a poll finds a silent line)")]
    [InlineData("{ \"name\": \"x\", \"alarms\": [ { \"name\": \"f\", \"active\": [\"1\"], \"severity\": \"dire\", \"message\": \"m\" } ] }",
        "s.json, line 1: alarms[0].severity: The JSON value could not be converted to Playout.Engine.Alarms.AlarmSeverity")]
    public void A_broken_profile_is_refused_with_file_line_and_field(string json, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => SerialProfiles.Parse(json, "s.json"));
        Assert.StartsWith(expected, error.Message);
        Assert.DoesNotContain("   at ", error.Message);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var profile = SerialProfiles.Parse("{\n // a device\n \"name\": \"x\",\n " + Poll + ",\n}", "s.json");
        Assert.Equal("p", profile.States.Single().Name);
    }

    [Fact]
    public void A_null_item_or_value_is_named_by_either_loader_with_its_line()
    {
        var serial = Assert.Throws<ArgumentException>(() => SerialProfiles.Parse("{\n \"name\": \"x\",\n \"commands\": [\n  null ]\n}", "s.json"));
        Assert.Equal("s.json, line 4: commands[0]: is null", serial.Message);
        var values = Assert.Throws<ArgumentException>(() => SerialProfiles.Parse("{\n \"name\": \"x\",\n " + Poll.Replace("\"name\": \"p\"", "\"name\": \"p\", \"values\": { \"1\":\n null }", StringComparison.Ordinal) + "\n}", "s.json"));
        Assert.Equal("s.json, line 5: states[0].values.1: is null", values.Message);
        var snmp = Assert.Throws<ArgumentException>(() => Playout.Devices.Transmitter.TransmitterProfiles.Parse("{ \"name\": \"x\",\n \"alarms\": [ null ] }", "tx.json"));
        Assert.Equal("tx.json, line 2: alarms[0]: is null", snmp.Message);
    }

    /// <summary>The loader is shared with the SNMP profile (Profiles/ProfileJson), so its profile is damaged here too.</summary>
    [Theory]
    [InlineData("configs/devices/transmitter-serial.json")]
    [InlineData("configs/devices/encoder-serial.json")]
    [InlineData("configs/devices/transmitter-generic.json")]
    public void Any_damage_to_a_profile_is_refused_saying_file_and_line_or_still_loads_never_anything_else(string file)
    {
        string good = File.ReadAllText(Playout.TestSupport.Repository.File(file));
        Action<string> parse = file.Contains("generic", StringComparison.Ordinal)
            ? json => Playout.Devices.Transmitter.TransmitterProfiles.Parse(json, "s.json")
            : json => SerialProfiles.Parse(json, "s.json");
        var random = new Random(14);
        string[] junk = ["", "\"", "{", "}", "[", "]", ",", ":", "null", "-1", "1e999", "\"x\"", "(?<", "{percent", "true", "\\"];
        int refused = 0;
        for (int round = 0; round < 5000; round++)
        {
            int at = random.Next(good.Length);
            string damaged = good[..at] + junk[random.Next(junk.Length)] + good[Math.Min(good.Length, at + random.Next(4))..];
            try
            {
                parse(damaged);
            }
            catch (ArgumentException error)
            {
                refused++;
                Assert.Matches(@"(?s)^s\.json, line [0-9]+: .+: ", error.Message);
                Assert.DoesNotContain("   at ", error.Message);
            }
        }
        Assert.True(refused > 500, $"only {refused} damaged profiles refused");
    }
}
