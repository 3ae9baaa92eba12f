using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Playout.Engine.Channels;
using Playout.Media.Audio;
using Playout.Media.Frames;

namespace Playout.Engine.Consumers;

/// <summary>
/// The programme's sound to an Icecast server as a source client (FFmpeg's icecast protocol: HTTP PUT), encoded on its
/// own thread like any <see cref="StreamConsumer"/> and sent again after the server went away. What is on air
/// (<see cref="ChannelContext.NowPlaying"/>) becomes the stream's title through the server's metadata request, which
/// listeners' players show; Ogg streams carry titles in the stream and are not retitled. The password never appears in
/// names, logs or alarms.
/// </summary>
public sealed class IcecastConsumer : IConsumer
{
    /// <summary>How often the title is looked at; a failed update is tried again after <see cref="TitleRetry"/>.</summary>
    private static readonly TimeSpan TitlePoll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan TitleRetry = TimeSpan.FromSeconds(5);

    private readonly ChannelContext _channel;
    private readonly IcecastSettings _settings;
    private readonly StreamConsumer _stream;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _titles;
    private volatile string? _title;
    private long _titled;

    /// <exception cref="ArgumentException">The settings are not usable (<see cref="IcecastSettings.Problem"/>).</exception>
    public IcecastConsumer(ChannelContext channel, IcecastSettings settings)
    {
        if (settings.Problem() is { } problem)
            throw new ArgumentException($"{problem.Field}: {problem.Problem}", nameof(settings));
        _channel = channel;
        _settings = settings;
        var (encoder, container, contentType) = IcecastSettings.Codecs[settings.Codec];
        var mount = settings.Mount;
        string url = $"icecast://{Uri.EscapeDataString(settings.User)}:{Uri.EscapeDataString(settings.Password)}@{mount.Host}:{mount.Port}{mount.AbsolutePath}";
        var options = new StringBuilder($"content_type={contentType}");
        foreach (var (key, value) in new[] { ("ice_name", settings.StationName), ("ice_description", settings.Description), ("ice_genre", settings.Genre) })
            if (value is not null)
                options.Append(CultureInfo.InvariantCulture, $":{key}={Quoted(value)}");
        Name = $"icecast {mount}";
        _stream = new StreamConsumer(channel, new StreamSettings(url, container, null, encoder, options.ToString(),
            AudioBitrate: settings.Bitrate, AudioChannels: settings.AudioChannels) { ShownAs = mount.ToString() });
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.User}:{settings.Password}")));
        _titles = settings.TakesTitles ? Task.Run(SendTitles) : Task.CompletedTask;
    }

    public string Name { get; }

    public bool NeverBlocks => true;

    public ConsumerCounters Counters => _stream.Counters;

    /// <summary>Why the stream is not on the server (the connection's error), or null.</summary>
    public string? Failure => _stream.Failure;

    /// <summary>The last title the server took, or null.</summary>
    public string? Title => _title;

    public void Send(long tick, Frame video, AudioFrame audio) => _stream.Send(tick, video, audio);

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _titles.Wait();
        }
        finally
        {
            // The encoder and its thread go whatever became of the titles.
            _stream.Dispose();
            _http.Dispose();
            _stop.Dispose();
        }
    }

    /// <summary>Sends each new title once the stream is on the server (before, the server knows no such mount).</summary>
    private async Task SendTitles()
    {
        using var timer = new PeriodicTimer(TitlePoll);
        var retryAt = DateTime.MinValue;
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                // A server that lost the stream and took it again has no title for it: each opening is titled anew.
                long opened = _stream.Opened;
                if (_channel.NowPlaying is not { } now || now == _title && opened == _titled || _stream.Encoded == 0 || _stream.Failure is not null
                    || DateTime.UtcNow < retryAt)
                    continue;
                if (await TrySendTitle(now).ConfigureAwait(false))
                    (_title, _titled) = (now, opened);
                else
                    retryAt = DateTime.UtcNow + TitleRetry;
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private async Task<bool> TrySendTitle(string title)
    {
        var mount = _settings.Mount;
        var request = new Uri($"http://{mount.Host}:{mount.Port}/admin/metadata?mount={Uri.EscapeDataString(mount.AbsolutePath)}&mode=updinfo&charset=UTF-8&song={Uri.EscapeDataString(title)}");
        try
        {
            using var response = await _http.GetAsync(request, _stop.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
                return true;
            _channel.Logger.LogWarning("{Channel}: {Output}: the server refused the title '{Title}' ({Status})", _channel.Name, Name, title, (int)response.StatusCode);
        }
        catch (Exception error) when (error is not OutOfMemoryException && !_stop.IsCancellationRequested)
        {
            // Whatever the title's request meets (a refused connection, a timeout, a broken reply) costs the title only:
            // the stream goes on, and the loop, which disposal waits for, never ends on it.
            _channel.Logger.LogWarning("{Channel}: {Output}: title '{Title}' not sent: {Reason}", _channel.Name, Name, title, error.Message);
        }
        return false;
    }

    /// <summary>An option value as FFmpeg's option parser reads it back whole (':' and quotes inside kept).</summary>
    private static string Quoted(string value) => $"'{value.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
