using Playout.Server.Amcp;

namespace Playout.Server.Tests.Amcp;

/// <summary>The exact bytes of an OSC message and the exact text of INFO's XML for known state.</summary>
public sealed class AmcpEncodingTests
{
    [Fact]
    public void An_osc_message_has_its_padded_address_type_tags_and_big_endian_arguments()
    {
        byte[] message = OscPacket.Message("/a/time", [1, 0.5f, "x", true, false]);
        byte[] expected =
        [
            .. "/a/time"u8, 0,
            .. ",ifsTF"u8, 0, 0,
            0, 0, 0, 1,
            0x3F, 0, 0, 0,
            (byte)'x', 0, 0, 0,
        ];
        Assert.Equal(expected, message);
        Assert.Throws<ArgumentException>(() => OscPacket.Message("/a", [1.5]));
    }

    [Fact]
    public void Bundles_carry_every_entry_once_and_close_past_the_limit()
    {
        var entries = Enumerable.Range(0, 200).Select(i => new AmcpStateEntry($"stage/layer/{i}/foreground/file/name", [$"clip {i}"])).ToList();
        var bundles = OscPacket.Bundles("/channel/1/", entries, 7).ToList();
        Assert.True(bundles.Count > 1);
        Assert.All(bundles, b => Assert.InRange(b.Length, 20, OscPacket.BundleLimit + 100));
        var messages = bundles.SelectMany(OscDecoder.Messages).ToList();
        Assert.Equal(entries.Select(e => "/channel/1/" + e.Path), messages.Select(m => m.Address));
        Assert.Equal("clip 199", messages[^1].Arguments[0]);
    }

    [Fact]
    public void Info_xml_nests_paths_repeats_list_values_names_numbered_layers_and_leaves_out_the_older_addresses()
    {
        var entries = new List<AmcpStateEntry>
        {
            new("framerate", [30000, 1001]),
            new("mixer/audio/volume", [0, 12]),
            new("stage/layer/10/background/producer", ["empty"]),
            new("stage/layer/10/file/frame", [1, 2], Legacy: true),
            new("stage/layer/10/foreground/file/path", ["/m/a&b.mp4"]),
            new("stage/layer/10/foreground/paused", [false]),
            new("stage/layer/7/foreground/file/time", [1.5f, 4f]),
        };
        Assert.Equal("""
            <?xml version="1.0" encoding="utf-8"?>
            <channel>
               <framerate>30000</framerate>
               <framerate>1001</framerate>
               <mixer>
                  <audio>
                     <volume>0</volume>
                     <volume>12</volume>
                  </audio>
               </mixer>
               <stage>
                  <layer>
                     <layer_10>
                        <background>
                           <producer>empty</producer>
                        </background>
                        <foreground>
                           <file>
                              <path>/m/a&amp;b.mp4</path>
                           </file>
                           <paused>false</paused>
                        </foreground>
                     </layer_10>
                     <layer_7>
                        <foreground>
                           <file>
                              <time>1.5</time>
                              <time>4</time>
                           </file>
                        </foreground>
                     </layer_7>
                  </layer>
               </stage>
            </channel>

            """.ReplaceLineEndings("\n"), AmcpInfoXml.Of(entries));
    }
}
