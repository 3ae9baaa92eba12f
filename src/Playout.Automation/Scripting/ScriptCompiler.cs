using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;

namespace Playout.Automation.Scripting;

/// <summary>
/// Compiles schedule scripts in the service (compiling runs none of the script's code), refuses what a script may not
/// use (<see cref="ScriptApiCheck"/>) and emits the assembly a worker runs. The service never loads a script's
/// assembly itself. Results are cached by the SHA-256 of the script's text, so running the same script again costs
/// only the run.
/// </summary>
internal sealed class ScriptCompiler
{
    /// <summary>The name compile errors and stack traces give the script; runtime errors are found in the trace by it.</summary>
    public const string ScriptPath = "script.csx";

    private static readonly ScriptOptions Options = ScriptOptions.Default
        .WithReferences(
            typeof(object).Assembly, Assembly.Load("System.Runtime"), typeof(Enumerable).Assembly,
            typeof(ImmutableArray).Assembly, typeof(ScriptGlobals).Assembly)
        .WithImports("System", "System.Collections.Generic", "System.Linq", "System.Threading",
            "Playout.Automation.Schedules", "Playout.Automation.Scripting")
        // #r and #load would have the compiler read files of the service's machine: they resolve to nothing.
        .WithMetadataResolver(NoReferences.Instance)
        .WithSourceResolver(NoSources.Instance)
        // Debug information and a file path give a runtime exception's stack trace the script's line numbers.
        .WithFilePath(ScriptPath)
        .WithFileEncoding(Encoding.UTF8)
        .WithEmitDebugInformation(true);

    /// <summary>
    /// Compiling runs in the service's process, at its priority: a script written to keep the compiler busy (nested
    /// overloads and lambdas can take it exponentially long) is refused after this long.
    /// </summary>
    public static readonly TimeSpan CompileLimit = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Lazy<CompiledScript>> _cache = new(StringComparer.Ordinal);

    public CompiledScript Compile(string code)
    {
        string key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
        // Lazy: two callers of the same new script compile it once.
        var compiled = _cache.GetOrAdd(key, _ => new Lazy<CompiledScript>(() => CompileNew(code))).Value;
        if (compiled.Transient)
            _cache.TryRemove(key, out _);
        return compiled;
    }

    private static CompiledScript CompileNew(string code)
    {
        using var limit = new CancellationTokenSource(CompileLimit);
        try
        {
            return CompileNew(code, limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            return CompiledScript.Refused([new ScriptError($"script took more than {CompileLimit.TotalSeconds:0} s to compile")], transient: true);
        }
    }

    private static CompiledScript CompileNew(string code, CancellationToken cancel)
    {
        var compilation = CSharpScript.Create<object>(code, Options, typeof(ScriptGlobals)).GetCompilation();
        using var assembly = new MemoryStream();
        using var symbols = new MemoryStream();
        var emitted = compilation.Emit(assembly, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb),
            cancellationToken: cancel);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(ErrorOf)
            .Concat(ScriptApiCheck.Check(compilation, cancel))
            .OrderBy(e => e.Line).ThenBy(e => e.Column).ToArray();
        if (errors.Length > 0)
            return CompiledScript.Refused(errors);
        // The submission's factory (Roslyn's <Factory>(object[] submissions)): what Roslyn itself calls to run a script.
        var entry = compilation.GetEntryPoint(cancel)
            ?? throw new InvalidOperationException("the compiled script has no entry point");
        return new CompiledScript(assembly.ToArray(), symbols.ToArray(), entry.ContainingType.MetadataName, entry.MetadataName, []);
    }

    private static ScriptError ErrorOf(Diagnostic d)
    {
        var at = d.Location.GetLineSpan().StartLinePosition;
        return new ScriptError($"{d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}", at.Line + 1, at.Character + 1);
    }

    private sealed class NoReferences : MetadataReferenceResolver
    {
        public static readonly NoReferences Instance = new();

        public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath,
            MetadataReferenceProperties properties) => [];

        public override bool Equals(object? other) => other is NoReferences;

        public override int GetHashCode() => 1;
    }

    private sealed class NoSources : SourceReferenceResolver
    {
        public static readonly NoSources Instance = new();

        public override string? NormalizePath(string path, string? baseFilePath) => path;

        public override string? ResolveReference(string path, string? baseFilePath) => null;

        public override Stream OpenRead(string resolvedPath) => throw new FileNotFoundException("scripts cannot load files", resolvedPath);

        public override bool Equals(object? other) => other is NoSources;

        public override int GetHashCode() => 2;
    }
}
