using System.Reflection;
using Playout.Engine.Channels;

namespace Playout.Engine.Tests;

/// <summary>Only the engine's FFmpeg code knows the native binding: nothing the engine makes public names a Playout.Interop type.</summary>
public class InteropBoundaryTests
{
    private const BindingFlags Visible = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void No_public_engine_member_exposes_an_interop_type()
    {
        var engine = typeof(Channel).Assembly;
        var leaks = engine.GetExportedTypes()
            .SelectMany(type => Signatures(type).Where(IsInterop).Select(used => $"{type.FullName}: {used.FullName}"))
            .Distinct()
            .ToList();

        Assert.Contains(engine.GetReferencedAssemblies(), name => name.Name == "Playout.Interop");
        Assert.Empty(leaks);
    }

    /// <summary>Every type a caller outside the engine sees through <paramref name="type"/>: bases, interfaces and public or protected members.</summary>
    private static IEnumerable<Type> Signatures(Type type)
    {
        if (type.BaseType is { } baseType)
            yield return baseType;
        foreach (var contract in type.GetInterfaces())
            yield return contract;
        foreach (var member in type.GetMembers(Visible | BindingFlags.NonPublic))
        {
            switch (member)
            {
                case FieldInfo field when field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly:
                    yield return field.FieldType;
                    break;
                case PropertyInfo property when property.GetAccessors().Any(IsVisible):
                    yield return property.PropertyType;
                    break;
                case EventInfo e when e.AddMethod is { } add && IsVisible(add):
                    yield return e.EventHandlerType!;
                    break;
                case MethodBase method when IsVisible(method):
                    if (method is MethodInfo returning)
                        yield return returning.ReturnType;
                    foreach (var parameter in method.GetParameters())
                        yield return parameter.ParameterType;
                    break;
            }
        }
    }

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static bool IsInterop(Type type) =>
        type.Assembly.GetName().Name == "Playout.Interop"
        || (type.HasElementType && IsInterop(type.GetElementType()!))
        || (type.IsGenericType && type.GetGenericArguments().Any(IsInterop));
}
