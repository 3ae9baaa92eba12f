using Playout.Devices;

namespace Playout.Devices.Tests;

/// <summary>A device command's arguments are checked before anything is sent: each problem named with the argument and why.</summary>
public class DeviceCommandSpecTests
{
    private static readonly DeviceCommandSpec Power = new("power", "set the output power",
    [
        new DeviceParameterSpec("level", Min: 0, Max: 110, Unit: "%"),
        new DeviceParameterSpec("exciter", Values: ["a", "b"], Required: false),
        new DeviceParameterSpec("ramp", Min: 0, Max: 60, Unit: "s", Required: false, Integer: true),
    ]);

    [Theory]
    [InlineData("level=80", "")]
    [InlineData("level=0 exciter=b ramp=60", "")]
    [InlineData("level=110.5", "level: 110.5 is out of range (0 to 110 %)")]
    [InlineData("level=-1", "level: -1 is out of range (0 to 110 %)")]
    [InlineData("level=high", "level: 'high' is not a number")]
    [InlineData("level=NaN", "level: 'NaN' is not a number")]
    [InlineData("level=50 exciter=c", "exciter: 'c' is not one of a, b")]
    [InlineData("level=50 ramp=1.5", "ramp: '1.5' is not a whole number")]
    [InlineData("exciter=a", "level: missing (power needs it)")]
    [InlineData("level=50 speed=2", "speed: no such argument of power (it takes level, exciter, ramp)")]
    [InlineData("speed=2 level=500", "speed: no such argument of power (it takes level, exciter, ramp) | level: 500 is out of range (0 to 110 %)")]
    public void Arguments_are_checked_and_every_problem_is_named(string arguments, string problems)
    {
        var given = arguments.Split(' ').Select(a => a.Split('=')).ToDictionary(a => a[0], a => a[1]);
        Assert.Equal(problems, string.Join(" | ", Power.Check(given)));
    }
}
