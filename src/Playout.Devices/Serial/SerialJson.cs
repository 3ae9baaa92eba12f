using System.IO.Ports;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Playout.Devices.Profiles;

namespace Playout.Devices.Serial;

/// <summary>A reply pattern in a profile: a .NET regular expression (matched with a time limit, so no pattern can hang the driver).</summary>
internal sealed class RegexJson : JsonConverter<Regex>
{
    public override Regex Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new ProfileFieldException("a pattern is written as a string (a regular expression)");
        string text = reader.GetString()!;
        try
        {
            return new Regex(text, RegexOptions.CultureInvariant, SerialProfiles.MatchTimeout);
        }
        catch (ArgumentException error)
        {
            throw new ProfileFieldException($"pattern '{text}': {error.Message}");
        }
    }

    public override void Write(Utf8JsonWriter writer, Regex value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

/// <summary>A command template in a profile (<see cref="CommandTemplate"/>), its syntax checked where it is written.</summary>
internal sealed class TemplateJson : JsonConverter<CommandTemplate>
{
    public override CommandTemplate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new ProfileFieldException("a template is written as a string (\"PWR {percent:000}\")");
        try
        {
            return CommandTemplate.Parse(reader.GetString()!);
        }
        catch (FormatException error)
        {
            throw new ProfileFieldException(error.Message);
        }
    }

    public override void Write(Utf8JsonWriter writer, CommandTemplate value, JsonSerializerOptions options) => writer.WriteStringValue(value.Text);
}

/// <summary>A parity by name: none, odd, even, mark, space.</summary>
internal sealed class ParityJson() : JsonStringEnumConverter<Parity>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
