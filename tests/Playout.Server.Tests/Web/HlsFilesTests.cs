using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Playout.Engine.Consumers;
using Playout.Server.Web;
using Playout.TestSupport;

namespace Playout.Server.Tests.Web;

public class HlsFilesTests
{
    [Fact]
    public void Only_playlists_and_segments_inside_the_folder_are_served_and_not_the_muxers_own_playlist()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("hls/720p"));
        File.WriteAllText(folder.File("hls/master.m3u8"), "#EXTM3U");
        File.WriteAllText(folder.File("hls/720p/init.mp4"), "x");
        File.WriteAllText(folder.File("hls/720p/segment0.m4s"), "x");
        File.WriteAllText(folder.File("hls/720p/segment1.ts"), "x");
        File.WriteAllText(folder.File("hls/720p/.ffmpeg.m3u8"), "#EXTM3U");
        File.WriteAllText(folder.File("hls/720p/notes.txt"), "x");
        File.WriteAllText(folder.File("secret.m3u8"), "x");
        string hls = folder.File("hls");
        Assert.Equal((folder.File("hls/master.m3u8"), HlsFiles.Playlist), HlsFiles.Resolve(hls, "master.m3u8"));
        Assert.Equal("video/mp4", HlsFiles.Resolve(hls, "720p/init.mp4").Type);
        Assert.Equal("video/iso.segment", HlsFiles.Resolve(hls, "720p/segment0.m4s").Type);
        Assert.Equal("video/mp2t", HlsFiles.Resolve(hls, "720p/segment1.ts").Type);
        Assert.Equal((null, null), HlsFiles.Resolve(hls, "720p/.ffmpeg.m3u8"));
        Assert.Equal((null, null), HlsFiles.Resolve(hls, "720p/notes.txt"));
        Assert.Equal((null, null), HlsFiles.Resolve(hls, "../secret.m3u8"));
        Assert.Equal((null, null), HlsFiles.Resolve(hls, folder.File("secret.m3u8")));
        Assert.Equal((null, null), HlsFiles.Resolve(hls, "720p/seg\0ment0.m4s"));
    }

    [Fact]
    public async Task A_playlist_renamed_over_while_players_fetch_it_comes_whole_every_time()
    {
        using var folder = new TempDirectory();
        // Two versions of different lengths, replaced as the playlist writer replaces them.
        string[] versions = ["#EXTM3U\n#EXT-X-TARGETDURATION:1\n", "#EXTM3U\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"#EXTINF:1.0,\nsegment{i}.m4s\n"))];
        File.WriteAllText(folder.File("index.m3u8"), versions[0]);
        await using var server = await Serving(folder.Path);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (int n = 0; !stop.IsCancellationRequested; n++)
            {
                HlsFileReplace.WriteText(folder.File("index.m3u8"), versions[n % 2]);
            }
        });
        var wrong = new List<string>();
        try
        {
            for (int i = 0; i < 400; i++)
            {
                try
                {
                    using var response = await server.Client.GetAsync("/hls/index.m3u8");
                    string body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.OK || !versions.Contains(body) || response.Headers.CacheControl?.ToString() != "no-cache")
                        wrong.Add($"{(int)response.StatusCode}, {body.Length} characters, cache {response.Headers.CacheControl}");
                }
                catch (HttpRequestException error)
                {
                    wrong.Add(error.Message);
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} of 400 fetches were not a whole playlist: {string.Join("; ", wrong.Take(5))}");
    }

    [Fact]
    public async Task A_segment_is_served_by_range_with_its_time_and_one_deleted_or_not_a_file_is_not_found()
    {
        using var folder = new TempDirectory();
        File.WriteAllBytes(folder.File("segment3.m4s"), [.. Enumerable.Range(0, 1000).Select(i => (byte)i)]);
        await using var server = await Serving(folder.Path);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hls/segment3.m4s") { Headers = { Range = new RangeHeaderValue(100, 199) } };
        using var part = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("video/iso.segment", part.Content.Headers.ContentType?.MediaType);
        // HTTP dates are whole seconds.
        Assert.Equal(File.GetLastWriteTimeUtc(folder.File("segment3.m4s")), part.Content.Headers.LastModified!.Value.UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.Equal(Enumerable.Range(100, 100).Select(i => (byte)i), await part.Content.ReadAsByteArrayAsync());
        Assert.Equal(1000, (await server.Client.GetByteArrayAsync("/hls/segment3.m4s")).Length);
        File.Delete(folder.File("segment3.m4s"));
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/hls/segment3.m4s")).StatusCode);
        // Not a file: a folder named like one, one in a folder not there.
        Directory.CreateDirectory(folder.File("segment4.m4s"));
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/hls/segment4.m4s")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/hls/1080p/index.m3u8")).StatusCode);
    }

    /// <summary>A web server on loopback serving <paramref name="folder"/> under /hls/ the way the service serves an HLS output.</summary>
    private static Task<LoopbackApp> Serving(string folder) =>
        LoopbackApp.Start(app => app.MapGet("/hls/{**path}", (string path, HttpContext http) => HlsFiles.Serve(folder, path, http.Response)));
}
