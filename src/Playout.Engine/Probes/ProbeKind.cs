namespace Playout.Engine.Probes;

/// <summary>What a programme probe saw; the name is also the last part of its alarm source, <c>&lt;channel&gt;/probe/black</c>.</summary>
public enum ProbeKind
{
    Black,
    Freeze,
    Silence,
}
