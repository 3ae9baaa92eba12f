using System.Globalization;
using System.Text.Json;

namespace Playout.Engine.Modules;

/// <summary>
/// A producer's or consumer's settings by name (any letter case): values a host passes as they are, or a
/// configuration's JSON object, read by each type with <see cref="Get{T}"/> and <see cref="Require{T}"/>.
/// </summary>
public sealed class ModuleSettings
{
    private readonly Dictionary<string, object?> _values;

    private ModuleSettings(Dictionary<string, object?> values) => _values = values;

    public static ModuleSettings Empty { get; } = new(new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Settings from a JSON object (e.g. one output of the configuration), each property as it is written.</summary>
    /// <exception cref="ArgumentException">The element is not an object.</exception>
    public static ModuleSettings FromJson(JsonElement settings)
    {
        if (settings.ValueKind != JsonValueKind.Object)
            throw new ArgumentException($"settings must be a JSON object, not {settings.ValueKind}", nameof(settings));
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in settings.EnumerateObject())
            values[property.Name] = property.Value.Clone();
        return new ModuleSettings(values);
    }

    /// <summary>These settings with <paramref name="key"/> set (null removes nothing: it reads as absent).</summary>
    public ModuleSettings With(string key, object? value) =>
        new(new Dictionary<string, object?>(_values, StringComparer.OrdinalIgnoreCase) { [key] = value });

    /// <summary>The setting as a <typeparamref name="T"/>; <paramref name="fallback"/> when absent or null.</summary>
    /// <exception cref="ModuleSettingException">The value is not a <typeparamref name="T"/>.</exception>
    public T Get<T>(string key, T fallback)
    {
        if (!_values.TryGetValue(key, out object? value) || value is null or JsonElement { ValueKind: JsonValueKind.Null })
            return fallback;
        if (value is T typed)
            return typed;
        try
        {
            if (value is JsonElement json)
                return json.Deserialize<T>(JsonOptions) ?? fallback;
            var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
            if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target))
                return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        catch (Exception error) when (error is JsonException or FormatException or InvalidCastException or OverflowException or NotSupportedException)
        {
            throw new ModuleSettingException(key, $"'{value}' is not a {Describe<T>()}");
        }
        throw new ModuleSettingException(key, $"'{value}' is not a {Describe<T>()}");
    }

    /// <summary>The setting, which must be given.</summary>
    /// <exception cref="ModuleSettingException">The setting is absent, null, blank or not a <typeparamref name="T"/>.</exception>
    public T Require<T>(string key)
    {
        var value = Get<T?>(key, default);
        return value is null or "" ? throw new ModuleSettingException(key, $"a {Describe<T>()} is needed") : value;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static string Describe<T>() => (Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T)) switch
    {
        var t when t == typeof(string) => "text",
        var t when t == typeof(bool) => "true or false",
        var t when t == typeof(int) || t == typeof(long) => "whole number",
        var t when t == typeof(double) => "number",
        var t => t.Name,
    };
}
