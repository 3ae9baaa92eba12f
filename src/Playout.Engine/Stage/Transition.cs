namespace Playout.Engine.Stage;

public enum TransitionKind
{
    /// <summary>The new source replaces the old on the take tick.</summary>
    Cut,

    /// <summary>Dissolve: the new picture fades up over the old, the sound cross-fades.</summary>
    Mix,

    /// <summary>A vertical edge sweeps across, revealing the new picture behind it.</summary>
    Wipe,

    /// <summary>The new picture slides in and pushes the old one out.</summary>
    Push,
}

public enum TransitionDirection
{
    /// <summary>The edge moves left to right (the new picture enters from the left).</summary>
    FromLeft,

    /// <summary>The edge moves right to left (the new picture enters from the right).</summary>
    FromRight,
}

/// <summary>
/// How a take replaces a layer's source. Tick k of a transition (k = 0 on the take tick) shows the new source
/// at (k + 1) / <see cref="Frames"/>, so the last tick shows it whole; sound follows the picture sample by sample.
/// </summary>
public readonly record struct Transition(TransitionKind Kind, int Frames = 0, TransitionDirection Direction = TransitionDirection.FromLeft)
{
    public static Transition Cut => new(TransitionKind.Cut);

    /// <summary>The new source's share on tick <paramref name="k"/> of the transition.</summary>
    public double Amount(int k) => Kind == TransitionKind.Cut || Frames <= 0 ? 1 : Math.Min(1, (k + 1) / (double)Frames);

    public override string ToString() => Kind == TransitionKind.Cut ? "cut" : $"{Kind.ToString().ToLowerInvariant()} {Frames} frames";
}
