using System.Text.Json;
using System.Text.Json.Serialization;

namespace Playout.Devices.Profiles;

/// <summary>
/// A profile value written as a JSON string and parsed from it (an OID, a pattern, a template): anything but a string,
/// or text that does not parse (<see cref="FormatException"/>), is a profile error located where it is written.
/// </summary>
/// <param name="written">How the value is written, for the error on a non-string ("an OID is written as a string …").</param>
internal abstract class ProfileTextJson<T>(string written) : JsonConverter<T>
{
    protected abstract T Parse(string text);

    protected abstract string Text(T value);

    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new ProfileFieldException(written);
        try
        {
            return Parse(reader.GetString()!);
        }
        catch (FormatException error)
        {
            throw new ProfileFieldException(error.Message);
        }
    }

    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Text(value));
}
