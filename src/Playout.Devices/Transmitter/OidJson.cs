using System.Text.Json;
using System.Text.Json.Serialization;
using Playout.Devices.Profiles;
using Playout.Snmp.Data;

namespace Playout.Devices.Transmitter;

/// <summary>An OID in a profile: dotted decimal text; anything else is a located profile error.</summary>
internal sealed class OidJson : JsonConverter<Oid>
{
    public override Oid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new ProfileFieldException("an OID is written as a string (\"1.3.6.1...\")");
        string text = reader.GetString()!;
        try
        {
            var oid = Oid.Parse(text);
            return oid.Length >= 2 ? oid : throw new ProfileFieldException($"'{text}' is too short for an OID");
        }
        catch (FormatException error)
        {
            throw new ProfileFieldException(error.Message);
        }
    }

    public override void Write(Utf8JsonWriter writer, Oid value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
