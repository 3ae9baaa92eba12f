using System.Globalization;
using System.Text.RegularExpressions;
using Playout.Engine.Stage;

namespace Playout.Server.Amcp;

/// <summary>
/// A transition named on a LOADBG or PLAY line as CasparCG reads it anywhere among the parameters: <c>CUT|MIX|WIPE|PUSH|SLIDE
/// frames [tween] [FROMLEFT|FROMRIGHT|LEFT|RIGHT]</c>. Ours are linear cuts, dissolves, wipes and pushes.
/// </summary>
public static partial class AmcpTransition
{
    [GeneratedRegex(@"(?:^|\s)(?<kind>CUT|PUSH|SLIDE|WIPE|MIX)\s+(?<frames>\d+)(?:\s+(?<tween>LINEAR|EASE\S*))?(?:\s+(?<direction>FROMLEFT|FROMRIGHT|LEFT|RIGHT))?(?:\s|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    private static readonly string[] Kinds = ["CUT", "MIX", "WIPE", "PUSH", "SLIDE"];

    /// <summary>The transition among the parameters after the clip name (the first); null when they name none.</summary>
    /// <exception cref="AmcpFailure">402 for a transition without a number of frames; 403 for SLIDE or a tween other than linear.</exception>
    public static Transition? Of(AmcpRequest request)
    {
        var words = request.Parameters.Skip(1).Select(p => p.ToUpperInvariant()).ToList();
        var match = Pattern().Match(string.Join(' ', words));
        if (!match.Success)
        {
            int at = words.FindIndex(w => Kinds.Contains(w));
            return at < 0 ? null
                : throw AmcpFailure.BadParameter(request.Verb, $"{words[at]} takes a number of frames (0 to 10000000); got '{(at + 1 < words.Count ? request.Parameters[at + 2] : "")}'");
        }
        string kind = match.Groups["kind"].Value;
        if (!int.TryParse(match.Groups["frames"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int frames) || frames > 10_000_000)
            throw AmcpFailure.BadParameter(request.Verb, $"{kind} takes a number of frames (0 to 10000000); got '{match.Groups["frames"].Value}'");
        if (match.Groups["tween"] is { Success: true, Value: var tween } && tween != "LINEAR")
            throw AmcpFailure.Refused(request.Verb, $"tween {tween} is not supported: transitions here are linear");
        // CasparCG's LEFT moves towards the left, so the new picture comes from the right.
        var direction = match.Groups["direction"].Value is "FROMRIGHT" or "LEFT" ? TransitionDirection.FromRight : TransitionDirection.FromLeft;
        return kind switch
        {
            "CUT" => Transition.Cut,
            "MIX" => new Transition(TransitionKind.Mix, frames),
            "WIPE" => new Transition(TransitionKind.Wipe, frames, direction),
            "PUSH" => new Transition(TransitionKind.Push, frames, direction),
            _ => throw AmcpFailure.Refused(request.Verb, "SLIDE is not supported: the transitions here are CUT, MIX, WIPE and PUSH"),
        };
    }
}
