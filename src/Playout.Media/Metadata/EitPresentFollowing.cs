using System.Buffers.Binary;
using System.Text;
using Playout.Media.Scte35;

namespace Playout.Media.Metadata;

/// <summary>
/// DVB's "now and next" for one service (ETSI EN 300 468, 5.2.4): the two sections of the actual transport stream's EIT
/// present/following (table_id 0x4E), section 0 the event running, section 1 the one that follows, each with a
/// short_event_descriptor naming it. A receiver shows them as the programme guide's now and next.
/// </summary>
public static class EitPresentFollowing
{
    public const byte TableId = 0x4E;
    public const byte ShortEventTag = 0x4D;

    /// <summary>running_status values: the present event runs, the following does not yet.</summary>
    public const int Running = 4, NotRunning = 1;

    /// <summary>
    /// The two sections (present, following), version <paramref name="version"/> (0 to 31; a receiver reads them again
    /// when it changes), for the service <paramref name="serviceId"/> of the transport stream and network given. A
    /// missing event leaves its section empty. <paramref name="language"/> is the ISO 639-2 code of the names ("vie").
    /// </summary>
    public static byte[][] Sections(ushort serviceId, ushort transportStreamId, ushort originalNetworkId, int version,
        DvbEvent? present, DvbEvent? following, string language = "und")
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)version, 31u, nameof(version));
        if (language.Length != 3 || !Ascii.IsValid(language))
            throw new ArgumentException($"'{language}' is not a three-letter ISO 639-2 code", nameof(language));
        return [Section(0, present, Running), Section(1, following, NotRunning)];

        byte[] Section(byte number, DvbEvent? e, int running)
        {
            var s = new List<byte>(64)
            {
                TableId, 0, 0, // section_syntax_indicator, section_length: below
                (byte)(serviceId >> 8), (byte)serviceId,
                (byte)(0xC0 | version << 1 | 1), // reserved, version_number, current_next_indicator
                number, 1, // section_number, last_section_number
                (byte)(transportStreamId >> 8), (byte)transportStreamId,
                (byte)(originalNetworkId >> 8), (byte)originalNetworkId,
                1, TableId, // segment_last_section_number, last_table_id
            };
            if (e is not null)
                Event(s, e, running, language);
            int length = s.Count - 3 + 4;
            s[1] = (byte)(0xF0 | length >> 8); // section_syntax_indicator 1, reserved_future_use 1, reserved 11
            s[2] = (byte)length;
            var section = new byte[s.Count + 4];
            s.CopyTo(section);
            BinaryPrimitives.WriteUInt32BigEndian(section.AsSpan(s.Count), Crc32Mpeg2.Compute(section.AsSpan(0, s.Count)));
            return section;
        }
    }

    private static void Event(List<byte> s, DvbEvent e, int running, string language)
    {
        s.Add((byte)(e.EventId >> 8));
        s.Add((byte)e.EventId);
        s.AddRange(DvbTime.StartTime(e.Start));
        s.AddRange(e.Duration is { } duration ? DvbTime.Duration(duration) : DvbTime.Undefined[..3]);
        // The short_event_descriptor: language, the event's name, no text; the name cut to what a descriptor holds.
        byte[] name = DvbText.Encode(e.Name, 255 - 3 - 1 - 1);
        int descriptor = 3 + 1 + name.Length + 1;
        int loop = 2 + descriptor;
        s.Add((byte)(running << 5 | loop >> 8)); // running_status, free_CA_mode 0, descriptors_loop_length
        s.Add((byte)loop);
        s.Add(ShortEventTag);
        s.Add((byte)descriptor);
        s.AddRange(Encoding.ASCII.GetBytes(language.ToLowerInvariant()));
        s.Add((byte)name.Length);
        s.AddRange(name);
        s.Add(0); // text_length
    }
}
