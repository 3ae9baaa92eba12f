using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Playout.Automation.Scripting;

/// <summary>
/// The compile-time fence around a script (docs/SCRIPTING.md, "What a script may use"): every type and member the
/// script names, and the type of every expression it writes, must be on an allow-list: the schedule model, the
/// script API, collections, LINQ, text and the basic value types of <c>System</c>. Anything else (files,
/// processes, reflection, the environment, threads, the console, interop, <c>dynamic</c>, unsafe code, attributes,
/// finalizers, <c>#r</c> and <c>#load</c>) is refused with its line and column before the script is ever run.
/// </summary>
internal static class ScriptApiCheck
{
    /// <summary>Namespaces whose every type a script may use: pure data and the schedule model.</summary>
    private static readonly HashSet<string> Namespaces = new(StringComparer.Ordinal)
    {
        "System.Collections.Generic", "System.Collections.Immutable", "System.Text", "Playout.Automation.Schedules",
    };

    /// <summary>Single types (by metadata name) a script may use from namespaces that also hold what it may not.</summary>
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        // Values and their helpers.
        "System.Object", "System.String", "System.Boolean", "System.Char", "System.Byte", "System.SByte", "System.Int16",
        "System.UInt16", "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double",
        "System.Decimal", "System.Void", "System.Math", "System.MathF", "System.Convert", "System.Random", "System.Guid",
        "System.TimeSpan", "System.DateOnly", "System.TimeOnly", "System.DateTime", "System.DateTimeOffset", "System.DayOfWeek",
        "System.DateTimeKind", "System.Nullable`1", "System.Array", "System.Index", "System.Range", "System.Lazy`1",
        "System.StringComparison", "System.StringComparer", "System.StringSplitOptions", "System.MidpointRounding",
        // Spans: what params-span overloads (string.Join, collection expressions) bind to; memory-safe without stackalloc.
        "System.Span`1", "System.ReadOnlySpan`1", "System.MemoryExtensions",
        "System.IComparable", "System.IComparable`1", "System.IEquatable`1", "System.IDisposable", "System.IFormattable",
        "System.IFormatProvider", "System.Enum", "System.ValueType", "System.Globalization.CultureInfo",
        "System.Globalization.DateTimeStyles", "System.Globalization.NumberStyles",
        // Tuples and delegates (a delegate's own members, e.g. Method, belong to System.Delegate, which is not here).
        "System.ValueTuple", "System.ValueTuple`1", "System.ValueTuple`2", "System.ValueTuple`3", "System.ValueTuple`4",
        "System.ValueTuple`5", "System.ValueTuple`6", "System.ValueTuple`7", "System.ValueTuple`8", "System.Tuple",
        "System.Tuple`1", "System.Tuple`2", "System.Tuple`3", "System.Tuple`4",
        "System.Action", "System.Action`1", "System.Action`2", "System.Action`3", "System.Action`4",
        "System.Func`1", "System.Func`2", "System.Func`3", "System.Func`4", "System.Func`5", "System.Predicate`1",
        "System.Comparison`1",
        // Exceptions a script may throw or catch.
        "System.Exception", "System.ArgumentException", "System.ArgumentNullException", "System.ArgumentOutOfRangeException",
        "System.InvalidOperationException", "System.FormatException", "System.NotSupportedException",
        "System.NotImplementedException", "System.OverflowException", "System.DivideByZeroException",
        "System.IndexOutOfRangeException", "System.NullReferenceException", "System.OperationCanceledException",
        "System.TimeoutException",
        // LINQ to objects (not PLINQ, not expression trees), and the script's time limit.
        "System.Linq.Enumerable", "System.Linq.IGrouping`2", "System.Linq.ILookup`2", "System.Linq.Lookup`2",
        "System.Linq.IOrderedEnumerable`1", "System.Linq.ImmutableArrayExtensions", "System.Threading.CancellationToken",
        // The script API.
        "Playout.Automation.Scripting.ScriptGlobals", "Playout.Automation.Scripting.DayBuilder",
        "Playout.Automation.Scripting.ScriptTime", "Playout.Automation.Scripting.ScriptDate",
    };

    /// <summary>What in <paramref name="compilation"/> a script may not use, each with its line and column (one per forbidden type and line).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled.</exception>
    public static IReadOnlyList<ScriptError> Check(Compilation compilation, CancellationToken cancel)
    {
        var errors = new List<ScriptError>();
        var reported = new HashSet<(int Line, string What)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodesAndSelf(descendIntoTrivia: true))
            {
                cancel.ThrowIfCancellationRequested();
                if (Refusal(node, model, compilation.Assembly, cancel) is not { } what)
                    continue;
                var at = node.GetLocation().GetLineSpan().StartLinePosition;
                if (reported.Add((at.Line, what.Key)))
                    errors.Add(new ScriptError($"SCRIPT001: {what.Text} is not available to scripts", at.Line + 1, at.Character + 1));
            }
        }
        return errors;
    }

    /// <summary>Why <paramref name="node"/> is refused (Key: what to report once per line), or null.</summary>
    private static (string Key, string Text)? Refusal(SyntaxNode node, SemanticModel model, IAssemblySymbol script, CancellationToken cancel)
    {
        switch (node)
        {
            case ReferenceDirectiveTriviaSyntax:
                return ("#r", "#r (referencing assemblies)");
            case LoadDirectiveTriviaSyntax:
                return ("#load", "#load (reading other files)");
            case AttributeSyntax:
                return ("attribute", "an attribute");
            case DestructorDeclarationSyntax:
                return ("finalizer", "a finalizer");
            case PointerTypeSyntax or FunctionPointerTypeSyntax or FixedStatementSyntax or StackAllocArrayCreationExpressionSyntax
                or UnsafeStatementSyntax:
                return ("unsafe", "unsafe code");
            case MakeRefExpressionSyntax or RefTypeExpressionSyntax or RefValueExpressionSyntax:
                return ("typedref", "a typed reference");
            case MemberDeclarationSyntax or LocalFunctionStatementSyntax when Modifiers(node).Any(m => m.IsKind(SyntaxKind.ExternKeyword)):
                return ("extern", "an extern method (native code)");
            case MemberDeclarationSyntax or LocalFunctionStatementSyntax when Modifiers(node).Any(m => m.IsKind(SyntaxKind.UnsafeKeyword)):
                return ("unsafe", "unsafe code");
        }
        if (node is not (ExpressionSyntax or TypeSyntax))
            return null;
        var symbol = model.GetSymbolInfo(node, cancel).Symbol;
        if (symbol is not null && Forbidden(symbol, script) is { } type)
        {
            // A member of a forbidden type is named with its type (System.IO.File.ReadAllText); else the type alone.
            bool member = symbol is not ITypeSymbol && symbol.ContainingType is { } container
                && SymbolEqualityComparer.Default.Equals(ForbiddenType(container, script), type);
            return (Name(type), member ? $"{Name(type)}.{symbol.Name}" : Name(type));
        }
        var info = model.GetTypeInfo(node, cancel);
        foreach (var t in (ReadOnlySpan<ITypeSymbol?>)[info.Type, info.ConvertedType])
        {
            if (t is not null && ForbiddenType(t, script) is { } forbidden)
                return (Name(forbidden), Name(forbidden));
        }
        return null;
    }

    private static SyntaxTokenList Modifiers(SyntaxNode node) => node switch
    {
        MemberDeclarationSyntax member => member.Modifiers,
        LocalFunctionStatementSyntax local => local.Modifiers,
        _ => default,
    };

    /// <summary>The type that makes <paramref name="symbol"/> forbidden, or null when a script may use it.</summary>
    private static ITypeSymbol? Forbidden(ISymbol symbol, IAssemblySymbol script) => symbol switch
    {
        ITypeSymbol type => ForbiddenType(type, script),
        IAliasSymbol alias => Forbidden(alias.Target, script),
        // The script's own lambdas and local functions are checked where they are written.
        IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } => null,
        IMethodSymbol method => ForbiddenType(method.ContainingType, script)
            ?? method.TypeArguments.Select(t => ForbiddenType(t, script)).FirstOrDefault(t => t is not null),
        IPropertySymbol or IFieldSymbol or IEventSymbol => ForbiddenType(symbol.ContainingType, script),
        // Namespaces only lead to types (checked where they are used); locals, parameters and labels are the script's.
        _ => null,
    };

    private static ITypeSymbol? ForbiddenType(ITypeSymbol type, IAssemblySymbol script)
    {
        switch (type)
        {
            case IErrorTypeSymbol or ITypeParameterSymbol:
                return null; // a compile error of its own, or a type argument checked where it is supplied
            case IArrayTypeSymbol array:
                return ForbiddenType(array.ElementType, script);
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                {
                    if (ForbiddenType(argument, script) is { } forbidden)
                        return forbidden;
                }
                var outer = named.OriginalDefinition;
                while (outer.ContainingType is { } container)
                    outer = container;
                bool allowed = SymbolEqualityComparer.Default.Equals(outer.ContainingAssembly, script)
                    || Namespaces.Contains(outer.ContainingNamespace.ToDisplayString()) || Types.Contains(Name(outer));
                return allowed ? null : outer;
            default:
                return type; // dynamic, pointers, function pointers
        }
    }

    private static string Name(ITypeSymbol type) => type switch
    {
        INamedTypeSymbol named when !named.ContainingNamespace.IsGlobalNamespace =>
            $"{named.ContainingNamespace.ToDisplayString()}.{named.MetadataName}",
        _ => type.ToDisplayString(),
    };
}
