namespace Playout.Engine.Modules;

/// <summary>A setting a producer or consumer type needs is missing or of the wrong kind; <see cref="Key"/> names it.</summary>
public sealed class ModuleSettingException(string key, string message) : ArgumentException($"{key}: {message}")
{
    public string Key { get; } = key;
}
