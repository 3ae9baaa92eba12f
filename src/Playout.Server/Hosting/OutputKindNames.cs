using System.Text.Json;

namespace Playout.Server.Hosting;

public static class OutputKindNames
{
    /// <summary>The output type as the configuration spells it ("st2110-audio").</summary>
    public static string ConfigName(this OutputKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());
}
