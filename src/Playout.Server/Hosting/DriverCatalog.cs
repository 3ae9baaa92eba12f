using System.Reflection;
using Playout.Engine.Devices;

namespace Playout.Server.Hosting;

/// <summary>
/// Finds card drivers in the assemblies of a drivers folder (next to the executable), so the service never
/// references a driver — a real card's driver and hw-sim's simulated card are installed the same way.
/// </summary>
public static class DriverCatalog
{
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "drivers");

    /// <exception cref="ConfigException">No driver of that name is installed; the message lists those that are.</exception>
    public static ICardDriver Find(string name, string? folder = null)
    {
        var drivers = Load(folder ?? DefaultFolder);
        return drivers.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ConfigException($"no card driver named '{name}' in {folder ?? DefaultFolder}; installed: " +
                (drivers.Count == 0 ? "none" : string.Join(", ", drivers.Select(d => d.Name))));
    }

    public static IReadOnlyList<ICardDriver> Load(string folder)
    {
        if (!Directory.Exists(folder))
            return [];
        return
        [
            .. Directory.EnumerateFiles(folder, "*.dll")
                .Select(Assembly.LoadFrom)
                .SelectMany(a => a.GetExportedTypes())
                .Where(t => typeof(ICardDriver).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
                .Select(t => (ICardDriver)Activator.CreateInstance(t)!),
        ];
    }
}
