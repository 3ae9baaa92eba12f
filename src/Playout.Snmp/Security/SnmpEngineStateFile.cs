using System.Globalization;

namespace Playout.Snmp.Security;

/// <summary>
/// The engine's identity kept across restarts: snmpEngineID (generated once) and snmpEngineBoots (one more at every start,
/// RFC 3414 §2.2.2), in the state folder as two "key=value" lines. A missing, unreadable or corrupt file is logged and replaced,
/// never fatal: a corrupt file cannot tell us the last boot count, so a fresh engine ID starts again at 1 (managers rediscover
/// it); reusing the old ID with a guessed count could let old messages replay.
/// </summary>
public static class SnmpEngineStateFile
{
    public const string FileName = "snmp-engine";

    /// <summary>RFC 3414: snmpEngineBoots stops at 2^31-1 (the engine then needs a new ID or manual reconfiguration).</summary>
    public const int MaxBoots = int.MaxValue;

    /// <summary>Loads the state, counts this start, writes it back, and returns the engine ID and this start's boots.</summary>
    public static (byte[] EngineId, int Boots) Start(string stateFolder, uint enterprise, Action<string> log)
    {
        var path = Path.Combine(stateFolder, FileName);
        var (engineId, boots) = Load(path, log);
        if (engineId is null)
        {
            engineId = SnmpEngineId.Create(enterprise);
            boots = 0;
            log($"SNMP engine: new engine ID {Convert.ToHexStringLower(engineId)} (enterprise {enterprise}) kept in {path}.");
        }
        else if (SnmpEngineId.Enterprise(engineId) != enterprise)
        {
            engineId = SnmpEngineId.WithEnterprise(engineId, enterprise);
            log($"SNMP engine: enterprise changed to {enterprise}; engine ID is now {Convert.ToHexStringLower(engineId)} (managers must rediscover it).");
        }
        boots = boots >= MaxBoots ? MaxBoots : boots + 1;
        if (boots == MaxBoots)
            log($"SNMP engine: snmpEngineBoots reached its maximum {MaxBoots}; authenticated SNMPv3 is refused until {path} is deleted (a new engine ID).");
        Save(path, engineId, boots, log);
        return (engineId, boots);
    }

    private static (byte[]? EngineId, int Boots) Load(string path, Action<string> log)
    {
        string[] lines;
        try
        {
            if (!File.Exists(path))
                return (null, 0);
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log($"SNMP engine: cannot read {path} ({e.Message}); starting a new engine ID.");
            return (null, 0);
        }

        byte[]? engineId = null;
        int? boots = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
                continue;
            var error = ParseLine(line, ref engineId, ref boots);
            if (error is not null)
                return Corrupt(path, $"line {i + 1}: {error}", log);
        }
        if (engineId is null || boots is null)
            return Corrupt(path, engineId is null ? "no engineId line" : "no boots line", log);
        return (engineId, boots.Value);
    }

    private static string? ParseLine(string line, ref byte[]? engineId, ref int? boots)
    {
        var equals = line.IndexOf('=');
        var key = equals < 0 ? line : line[..equals].Trim();
        var value = equals < 0 ? "" : line[(equals + 1)..].Trim();
        switch (key)
        {
            case "engineId":
                byte[] id;
                try { id = Convert.FromHexString(value); }
                catch (FormatException) { return $"engineId '{value}' is not hexadecimal"; }
                if (!SnmpEngineId.IsValid(id))
                    return $"engineId has {id.Length} bytes, RFC 3411 allows 5 to 32";
                engineId = id;
                return null;
            case "boots":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                    return $"boots '{value}' is not a count from 1 to {MaxBoots}";
                boots = count;
                return null;
            default:
                return $"unknown key '{key}'";
        }
    }

    private static (byte[]? EngineId, int Boots) Corrupt(string path, string why, Action<string> log)
    {
        var kept = path + ".corrupt";
        try { File.Copy(path, kept, overwrite: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { kept = "(could not keep a copy)"; }
        log($"SNMP engine: {path} is corrupt ({why}); kept as {kept}, starting a new engine ID at boot 1 (managers must rediscover it).");
        return (null, 0);
    }

    private static void Save(string path, byte[] engineId, int boots, Action<string> log)
    {
        var temp = path + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(temp, $"engineId={Convert.ToHexStringLower(engineId)}\nboots={boots.ToString(CultureInfo.InvariantCulture)}\n");
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log($"SNMP engine: cannot write {path} ({e.Message}); boots {boots} is not kept, the next start may repeat it.");
        }
    }
}
