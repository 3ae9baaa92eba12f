using System.Buffers.Binary;
using System.Text;
using Playout.Media.Metadata;
using Playout.Media.Scte35;

namespace Playout.Media.Tests.Metadata;

/// <summary>DVB's now and next (EIT present/following) and its times and texts, read back by EN 300 468's layout.</summary>
public class EitPresentFollowingTests
{
    [Fact]
    public void Times_are_the_modified_julian_date_and_bcd_as_the_standards_annex_gives_them()
    {
        // EN 300 468 annex C: 93/10/13 12:45:00 is 0xC079124500.
        Assert.Equal(Convert.FromHexString("C079124500"), DvbTime.StartTime(new DateTimeOffset(1993, 10, 13, 12, 45, 0, TimeSpan.Zero)));
        // Given in another zone, it is written in UTC: 07:00 in Hanoi on 2026-12-06 is 00:00 UTC, MJD 61380.
        Assert.Equal(Convert.FromHexString("EFC4000000"), DvbTime.StartTime(new DateTimeOffset(2026, 12, 6, 7, 0, 0, TimeSpan.FromHours(7))));
        Assert.Equal(Convert.FromHexString("014530"), DvbTime.Duration(new TimeSpan(1, 45, 30)));
        Assert.Equal(Convert.FromHexString("000004"), DvbTime.Duration(TimeSpan.FromSeconds(3.6)));
        Assert.Equal(Convert.FromHexString("995959"), DvbTime.Duration(TimeSpan.FromDays(5)));
    }

    [Theory]
    [InlineData("Morning news", "Morning news")]
    [InlineData("Bài hát hai", "\u0015Bài hát hai")]
    [InlineData("音乐 一", "\u0015音乐 一")]
    [InlineData("US$ 5", "\u0015US$ 5")]
    public void Text_is_ascii_as_it_is_and_anything_else_utf8_behind_its_selector(string text, string expected)
    {
        Assert.Equal(Encoding.UTF8.GetBytes(expected), DvbText.Encode(text, 255));
    }

    [Fact]
    public void A_long_name_is_cut_between_characters_within_the_limit()
    {
        byte[] cut = DvbText.Encode(new string('ệ', 100), 20);
        // The selector, then six whole three-byte characters: 19 bytes, never half of one.
        Assert.Equal(19, cut.Length);
        Assert.Equal(new string('ệ', 6), Encoding.UTF8.GetString(cut, 1, cut.Length - 1));
        Assert.Equal(10, DvbText.Encode(new string('a', 50), 10).Length);
    }

    [Fact]
    public void The_sections_carry_the_present_and_following_events_with_their_names_and_a_valid_crc()
    {
        var present = new DvbEvent(0x1234, "Tin tức sáng", new DateTimeOffset(2026, 12, 6, 5, 30, 0, TimeSpan.Zero), TimeSpan.FromMinutes(30));
        var following = new DvbEvent(0x1235, "Weather", new DateTimeOffset(2026, 12, 6, 6, 0, 0, TimeSpan.Zero), null);

        var sections = EitPresentFollowing.Sections(7, 2, 0xFF01, 5, present, following, "vie");

        Assert.Equal(2, sections.Length);
        for (int number = 0; number < 2; number++)
        {
            var s = sections[number];
            Assert.Equal(0u, Crc32Mpeg2.Compute(s)); // the CRC over a whole section, CRC included, is 0
            Assert.Equal((0x4E, 0xF0, s.Length - 3), (s[0], s[1] & 0xF0, (s[1] & 0x0F) << 8 | s[2]));
            // service_id, version 5 current, section n of 1, tsid, onid, segment_last_section_number, last_table_id.
            Assert.Equal(7, BinaryPrimitives.ReadUInt16BigEndian(s.AsSpan(3)));
            Assert.Equal((5, 1), ((s[5] >> 1) & 0x1F, s[5] & 1));
            Assert.Equal((number, 1), (s[6], (int)s[7]));
            Assert.Equal((2, 0xFF01), (BinaryPrimitives.ReadUInt16BigEndian(s.AsSpan(8)), (int)BinaryPrimitives.ReadUInt16BigEndian(s.AsSpan(10))));
            Assert.Equal((1, 0x4E), (s[12], (int)s[13]));
        }
        var (id, start, duration, running, name, language) = EventOf(sections[0]);
        Assert.Equal((0x1234, "EFC4053000", "003000", 4, "Tin tức sáng", "vie"), (id, start, duration, running, name, language));
        (id, start, duration, running, name, language) = EventOf(sections[1]);
        Assert.Equal((0x1235, "EFC4060000", "FFFFFF", 1, "Weather", "vie"), (id, start, duration, running, name, language));
    }

    [Fact]
    public void With_nothing_known_the_sections_list_no_event_and_bad_arguments_are_refused()
    {
        var sections = EitPresentFollowing.Sections(1, 1, 1, 31, null, null);
        Assert.All(sections, s => Assert.Equal(14 + 4, s.Length));
        Assert.Throws<ArgumentOutOfRangeException>(() => EitPresentFollowing.Sections(1, 1, 1, 32, null, null));
        Assert.Throws<ArgumentException>(() => EitPresentFollowing.Sections(1, 1, 1, 0, null, null, "vi"));
    }

    /// <summary>The one event of a section: id, start and duration (hex), running_status, the short event's name and language.</summary>
    private static (int Id, string Start, string Duration, int Running, string Name, string Language) EventOf(byte[] s)
    {
        var e = s.AsSpan(14, s.Length - 14 - 4);
        int loop = (e[10] & 0x0F) << 8 | e[11];
        Assert.Equal(12 + loop, e.Length);
        var descriptor = e[12..];
        Assert.Equal((0x4D, loop - 2), (descriptor[0], (int)descriptor[1]));
        int nameLength = descriptor[5];
        var name = descriptor.Slice(6, nameLength);
        Assert.Equal(0, descriptor[6 + nameLength]); // no text
        string text = name.Length > 0 && name[0] == 0x15 ? Encoding.UTF8.GetString(name[1..]) : Encoding.ASCII.GetString(name);
        return (BinaryPrimitives.ReadUInt16BigEndian(e), Convert.ToHexString(e.Slice(2, 5)), Convert.ToHexString(e.Slice(7, 3)), e[10] >> 5,
            text, Encoding.ASCII.GetString(descriptor.Slice(2, 3)));
    }
}
