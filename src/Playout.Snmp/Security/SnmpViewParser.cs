using Playout.Snmp.Data;

namespace Playout.Snmp.Security;

/// <summary>
/// Reads a view from configuration, one family per entry in snmpd.conf's words:
/// <c>include 1.3.6.1.2.1</c>, <c>exclude 1.3.6.1.4.1.32473.4</c>, <c>include 1.3.6.1.2.1.2.2.1.1 mask ff:a0</c>.
/// </summary>
public static class SnmpViewParser
{
    public static SnmpView Parse(string name, IEnumerable<string> entries)
    {
        var families = new List<SnmpViewFamily>();
        var index = 0;
        foreach (var entry in entries)
        {
            index++;
            families.Add(ParseFamily(entry) ?? throw new FormatException(
                $"SNMP view '{name}' entry {index} ('{entry}'): expected 'include OID' or 'exclude OID', optionally followed by 'mask HEX'."));
        }
        return new SnmpView(name, families);
    }

    /// <summary>The view a setting names; null names the empty view. An unknown name is an error naming <paramref name="who"/>.</summary>
    public static SnmpView Resolve(IReadOnlyDictionary<string, SnmpView> views, string who, string? name) =>
        name is null ? SnmpView.Empty
        : views.TryGetValue(name, out var view) ? view
        : throw new FormatException($"{who}: '{name}' is not a configured view (known: {string.Join(", ", views.Keys.Order())}).");

    private static SnmpViewFamily? ParseFamily(string entry)
    {
        var words = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length is not (2 or 4))
            return null;
        bool included;
        switch (words[0].ToLowerInvariant())
        {
            case "include" or "included": included = true; break;
            case "exclude" or "excluded": included = false; break;
            default: return null;
        }
        if (!Oid.TryParse(words[1], out var subtree))
            return null;
        if (words.Length == 2)
            return new SnmpViewFamily(subtree, included);
        if (!words[2].Equals("mask", StringComparison.OrdinalIgnoreCase) || !TryParseMask(words[3], out var mask))
            return null;
        return new SnmpViewFamily(subtree, included, mask);
    }

    private static bool TryParseMask(string text, out byte[] mask)
    {
        mask = [];
        var hex = text.Replace(":", "").Replace(".", "");
        if (hex.Length == 0 || hex.Length % 2 != 0 || hex.Length > 32)
            return false;
        try { mask = Convert.FromHexString(hex); return true; }
        catch (FormatException) { return false; }
    }
}
