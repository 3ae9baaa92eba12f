namespace Playout.Automation.Scripting;

/// <summary>
/// A script compiled for a worker: its assembly and debug symbols (runtime errors name script lines from them) and
/// the submission factory the worker calls; or, when <see cref="Errors"/> is not empty, why it was refused.
/// </summary>
/// <param name="Transient">Refused for a reason that may pass (compiling took too long on a busy machine): not to be cached.</param>
internal sealed record CompiledScript(byte[] Assembly, byte[] Symbols, string EntryType, string EntryMethod, IReadOnlyList<ScriptError> Errors,
    bool Transient = false)
{
    public static CompiledScript Refused(IReadOnlyList<ScriptError> errors, bool transient = false) => new([], [], "", "", errors, transient);
}
