namespace Playout.Automation.Scripting;

/// <summary>
/// A script compiled for a worker: its assembly and debug symbols (runtime errors name script lines from them) and
/// the submission factory the worker calls; or, when <see cref="Errors"/> is not empty, why it was refused.
/// </summary>
internal sealed record CompiledScript(byte[] Assembly, byte[] Symbols, string EntryType, string EntryMethod, IReadOnlyList<ScriptError> Errors)
{
    public static CompiledScript Refused(IReadOnlyList<ScriptError> errors) => new([], [], "", "", errors);
}
