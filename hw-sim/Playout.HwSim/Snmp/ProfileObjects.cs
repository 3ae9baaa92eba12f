using System.Globalization;
using Playout.Devices.Transmitter;
using Playout.Snmp.Data;

namespace Playout.HwSim.Snmp;

/// <summary>
/// A profile's objects served from a model: the inverse of the driver's mapping. Measurements are Gauge32 (the value
/// less the offset, over the scale); states and alarms Integer32 (a word's integer, a scaled number, an alarm's first
/// active value or its bit, alarm bits sharing an object OR'd together); a command object decodes a SET into the model's
/// command, refusing an integer the profile does not map or a number out of its range.
/// </summary>
internal static class ProfileObjects
{
    private static readonly Oid SysDescr = Oid.Parse("1.3.6.1.2.1.1.1.0");

    public static IEnumerable<ProfileObject> Build(TransmitterProfile profile, IProfileModel model, string description, Action committed)
    {
        var reads = new Dictionary<Oid, Func<SnmpValue>>();
        if (profile.Identity != SysDescr)
            reads[profile.Identity] = () => new OctetString(description);
        foreach (var m in profile.Measurements)
            reads.TryAdd(m.Oid, () => new Gauge32((uint)Math.Max(0, Math.Round((model.Measure(m.Name) - m.Offset) / m.Scale))));
        foreach (var s in profile.States)
            reads.TryAdd(s.Oid, () => new Integer32(Encode(s, model.State(s.Name))));
        foreach (var group in profile.Alarms.GroupBy(a => a.Oid))
            reads.TryAdd(group.Key, () => new Integer32(unchecked((int)group.Aggregate(0L, (raw, a) => raw | Flag(a, model.Alarm(a.Name))))));
        var writes = profile.Commands.GroupBy(c => c.Oid).ToDictionary(g => g.Key, g => g.First());
        foreach (var oid in reads.Keys.Union(writes.Keys))
        {
            var read = reads.GetValueOrDefault(oid, () => new Integer32(0));
            Func<int, Func<bool>?>? write = writes.TryGetValue(oid, out var command) ? raw => Commit(command, raw, model, committed) : null;
            yield return new ProfileObject(oid, read, write);
        }
    }

    /// <summary>The commit of a SET of <paramref name="raw"/>, or null when the profile does not map it (wrongValue).</summary>
    private static Func<bool>? Commit(ProfileCommand command, int raw, IProfileModel model, Action committed) =>
        Decode(command, raw) is (true, var argument) ? () =>
        {
            model.Command(command.Name, argument);
            committed();
            return true;
        } : null;

    private static int Encode(ProfileState state, string value)
    {
        if (state.Values is { } words)
            return words.FirstOrDefault(w => w.Value == value).Key is { } key ? int.Parse(key, CultureInfo.InvariantCulture) : 0;
        return (int)Math.Round(double.Parse(value, CultureInfo.InvariantCulture) / state.Scale);
    }

    /// <summary>An alarm's raw contribution: its bit, or its first active value; standing clear, the least positive value that is not active.</summary>
    private static long Flag(ProfileAlarm alarm, bool active) => alarm.Bit is { } bit
        ? active ? 1L << bit : 0
        : active ? alarm.Active[0] : Enumerable.Range(1, alarm.Active.Count + 1).First(v => !alarm.Active.Contains(v));

    /// <summary>A SET's integer as the command's argument, or not ok when the profile does not map it.</summary>
    private static (bool Ok, string? Argument) Decode(ProfileCommand command, int raw)
    {
        if (command.Values is { } values)
            return values.FirstOrDefault(v => v.Value == raw).Key is { } word ? (true, word) : (false, null);
        if (command.Min is { } min && command.Max is { } max)
        {
            double number = Math.Round(raw * command.Scale, 6);
            return number >= min && number <= max ? (true, number.ToString(CultureInfo.InvariantCulture)) : (false, null);
        }
        return (raw == command.Value, null);
    }
}
