using Playout.Automation.Schedules;

namespace Playout.Automation.Tests.Runtime;

/// <summary>
/// The demo's shape, late in its day: three 3 s colour promos looping all day (24 h), as stations loop them "until the
/// news", and a 2 s fixed event a second into a loop item. Tick 0 is 20:45:50, fourteen hours and more into the 06:00
/// broadcast day: the loop has been on air all day.
/// </summary>
internal static class LoopingDay
{
    public static readonly DateOnly Day = new(2026, 11, 24);

    public static readonly DateTimeOffset Epoch = new(2026, 11, 24, 20, 45, 50, TimeSpan.Zero);

    /// <summary>20:46:01, tick 275: a second into loop item c.</summary>
    public static readonly PrimaryEvent BarsTest = Colour("bars-test", "#A0A0A0", 2, TimingMode.Fixed, new TimeSpan(20, 46, 1));

    public static PrimaryEvent Colour(string id, string colour, double seconds, TimingMode timing = TimingMode.Follow, TimeSpan? start = null) =>
        new(id, PrimaryKind.Filler, colour, Timing: timing, Start: start, Duration: TimeSpan.FromSeconds(seconds));

    public static PrimaryEvent Loop() => new("demo-loop", PrimaryKind.Block, Loop: true, Duration: TimeSpan.FromHours(24),
        Children: [Colour("a", "#404040", 3), Colour("b", "#505050", 3), Colour("c", "#606060", 3)]);
}
