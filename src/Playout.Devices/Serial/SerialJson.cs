using System.IO.Ports;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Playout.Devices.Profiles;

namespace Playout.Devices.Serial;

/// <summary>A reply pattern in a profile: a .NET regular expression (matched with a time limit, so no pattern can hang the driver).</summary>
internal sealed class RegexJson() : ProfileTextJson<Regex>("a pattern is written as a string (a regular expression)")
{
    protected override Regex Parse(string text)
    {
        try
        {
            return new Regex(text, RegexOptions.CultureInvariant, SerialProfiles.MatchTimeout);
        }
        catch (ArgumentException error)
        {
            throw new ProfileFieldException($"pattern '{text}': {error.Message}");
        }
    }

    protected override string Text(Regex value) => value.ToString();
}

/// <summary>A command template in a profile (<see cref="CommandTemplate"/>), its syntax checked where it is written.</summary>
internal sealed class TemplateJson() : ProfileTextJson<CommandTemplate>("a template is written as a string (\"PWR {percent:000}\")")
{
    protected override CommandTemplate Parse(string text) => CommandTemplate.Parse(text);

    protected override string Text(CommandTemplate value) => value.Text;
}

/// <summary>A parity by name: none, odd, even, mark, space.</summary>
internal sealed class ParityJson() : JsonStringEnumConverter<Parity>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
