namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// The colour field each simulated event airs as, from its id (13,824 colours, never black, which the filler shows), so the
/// programme's centre sample says which event is on air.
/// </summary>
internal static class SimColours
{
    public static string Of(string id)
    {
        uint hash = 2166136261;
        foreach (char c in id)
            hash = (hash ^ c) * 16777619;
        int index = (int)(hash % (24 * 24 * 24));
        int r = 32 + index % 24 * 9, g = 32 + index / 24 % 24 * 9, b = 32 + index / 576 * 9;
        return $"#{r:x2}{g:x2}{b:x2}";
    }
}
