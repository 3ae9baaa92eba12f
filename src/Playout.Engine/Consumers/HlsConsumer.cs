using System.Globalization;
using System.Text;
using Playout.Engine.Channels;
using Playout.Media.Audio;
using Playout.Media.Frames;

namespace Playout.Engine.Consumers;

/// <summary>
/// The programme as HLS for OTT and phones: one H.264 + AAC encoder a rendition of the ladder (<see cref="StreamConsumer"/>,
/// each on its own thread), each writing FFmpeg's HLS muxer's fMP4 segments and live playlist into a folder of its own
/// ("720p/index.m3u8"), and a master playlist ("master.m3u8") listing them.
/// <list type="bullet">
/// <item>Every rendition gets the same frames and a key frame exactly every segment's frames (no scene-cut key frames),
/// so segments start on the same frame in every rendition: a player switches between them at any segment.</item>
/// <item>The live window lists the last <see cref="HlsSettings.ListSize"/> segments and older ones are deleted; each
/// segment carries its program date time.</item>
/// <item>Renditions are progressive, scaled from the channel's picture (an interlaced one as a whole frame).</item>
/// <item>A sound-only rendition ("audio/index.m3u8", AAC alone) joins the ladder with <see cref="HlsSettings.AudioOnly"/>;
/// on a radio channel it is the whole ladder.</item>
/// </list>
/// </summary>
public sealed class HlsConsumer : IConsumer
{
    /// <summary>The sound-only rendition's folder under the output's.</summary>
    public const string AudioFolder = "audio";

    private readonly StreamConsumer[] _renditions;

    public HlsConsumer(ChannelContext channel, HlsSettings settings)
    {
        var format = channel.Format;
        int segmentFrames = Math.Max(1, (int)Math.Round(settings.SegmentSeconds * format.FrameRate.ToDouble()));
        Directory.CreateDirectory(settings.Folder);
        var video = format.IsAudioOnly ? [] : settings.Renditions;
        bool audioOnly = format.IsAudioOnly || settings.AudioOnly;
        string segments = string.Create(CultureInfo.InvariantCulture,
            $"hls_time={settings.SegmentSeconds}:hls_list_size={settings.ListSize}:hls_segment_type=fmp4:hls_flags=delete_segments+independent_segments+program_date_time");
        var renditions = new List<StreamConsumer>();
        try
        {
            foreach (var rendition in video)
            {
                string options = string.Create(CultureInfo.InvariantCulture,
                    $"preset={settings.Preset}:g={segmentFrames}:keyint_min={segmentFrames}:sc_threshold=0:{segments}");
                renditions.Add(new StreamConsumer(channel, new StreamSettings(Playlist(settings, $"{rendition.Height}p"), "hls", "libx264", "aac", options,
                    rendition.VideoBitrate, settings.AudioBitrate)
                {
                    OutWidth = Width(rendition.Height),
                    OutHeight = rendition.Height,
                    Progressive = true,
                }));
            }
            if (audioOnly)
                renditions.Add(new StreamConsumer(channel, new StreamSettings(Playlist(settings, AudioFolder), "hls", null, "aac", segments,
                    AudioBitrate: settings.AudioBitrate)));
        }
        catch
        {
            renditions.ForEach(r => r.Dispose());
            throw;
        }
        _renditions = [.. renditions];
        Folder = Path.GetFullPath(settings.Folder);
        Master = MasterPlaylist(video, audioOnly, settings.AudioBitrate, format.FrameRate.ToDouble());
        File.WriteAllText(Path.Combine(settings.Folder, "master.m3u8"), Master);
    }

    /// <summary>A rendition's live playlist, in a folder of its own under the output's (made here).</summary>
    private static string Playlist(HlsSettings settings, string rendition)
    {
        string folder = Path.Combine(settings.Folder, rendition);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "index.m3u8");
    }

    public string Name => "hls";

    /// <summary>Where the playlists and segments are written (full path).</summary>
    public string Folder { get; }

    /// <summary>The master playlist, as written to the folder.</summary>
    public string Master { get; }

    public bool NeverBlocks => true;

    /// <summary>Frames every rendition took, and frames any rendition dropped.</summary>
    public ConsumerCounters Counters => new(_renditions.Min(r => r.Counters.Sent), _renditions.Sum(r => r.Counters.Dropped));

    public void Send(long tick, Frame video, AudioFrame audio)
    {
        foreach (var rendition in _renditions)
            rendition.Send(tick, video, audio);
    }

    public void Dispose()
    {
        foreach (var rendition in _renditions)
            rendition.Dispose();
    }

    /// <summary>The width at 16:9 for a height, even (4:2:0 needs it).</summary>
    public static int Width(int height) => (int)Math.Round(height * 16 / 9.0 / 2) * 2;

    private static string MasterPlaylist(IReadOnlyList<HlsRendition> video, bool audioOnly, long audioBitrate, double frameRate)
    {
        var playlist = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        foreach (var r in video)
            playlist.Append(CultureInfo.InvariantCulture,
                $"#EXT-X-STREAM-INF:BANDWIDTH={(long)((r.VideoBitrate + audioBitrate) * 1.1)},RESOLUTION={Width(r.Height)}x{r.Height}," +
                $"CODECS=\"avc1.640028,mp4a.40.2\",FRAME-RATE={frameRate:0.###}\n{r.Height}p/index.m3u8\n");
        if (audioOnly)
            playlist.Append(CultureInfo.InvariantCulture,
                $"#EXT-X-STREAM-INF:BANDWIDTH={(long)(audioBitrate * 1.1)},CODECS=\"mp4a.40.2\"\n{AudioFolder}/index.m3u8\n");
        return playlist.ToString();
    }
}
