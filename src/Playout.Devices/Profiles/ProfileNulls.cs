using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace Playout.Devices.Profiles;

/// <summary>
/// Finds a JSON <c>null</c> where a profile has a list item or a map value (<c>"commands": [ null ]</c>): the serializer
/// lets those through, and a rule reading the item would fail on it instead of naming it.
/// </summary>
internal static class ProfileNulls
{
    /// <summary>The first null item or value inside <paramref name="node"/>, named by its path, or null when there is none.</summary>
    public static ProfileProblem? Find(object node, string path = "")
    {
        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
                continue;
            string name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            string at = path.Length == 0 ? name : $"{path}.{name}";
            string list = path.Length == 0 ? name : path.Split('.', '[')[0];
            switch (property.GetValue(node))
            {
                case null or string:
                    break;
                case IDictionary map:
                    foreach (DictionaryEntry entry in map)
                        if (entry.Value is null)
                            return new ProfileProblem($"{at}.{entry.Key}", "is null", "null", list);
                    break;
                case IEnumerable items:
                    int index = 0;
                    foreach (object? item in items)
                    {
                        if (item is null)
                            return new ProfileProblem($"{at}[{index}]", "is null", "null", list);
                        if (Nested(item) && Find(item, $"{at}[{index}]") is { } inside)
                            return inside;
                        index++;
                    }
                    break;
                case var value when Nested(value) && Find(value, at) is { } inside:
                    return inside;
            }
        }
        return null;
    }

    /// <summary>Whether <paramref name="value"/> is one of the profile's own records, to look inside.</summary>
    private static bool Nested(object value) => value.GetType() is { IsClass: true, Namespace: { } space } && space.StartsWith("Playout.Devices", StringComparison.Ordinal);
}
