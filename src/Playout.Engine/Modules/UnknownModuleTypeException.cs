namespace Playout.Engine.Modules;

/// <summary>No registered module makes a producer or consumer of the asked type; the message lists the types there are.</summary>
public sealed class UnknownModuleTypeException(string kind, string type, IReadOnlyList<string> known)
    : KeyNotFoundException($"no {kind} type '{type}'; known: {(known.Count == 0 ? "none" : string.Join(", ", known))}")
{
    /// <summary>"producer" or "consumer".</summary>
    public string Kind { get; } = kind;

    public string Type { get; } = type;

    /// <summary>The registered types of that kind, in order.</summary>
    public IReadOnlyList<string> Known { get; } = known;
}
