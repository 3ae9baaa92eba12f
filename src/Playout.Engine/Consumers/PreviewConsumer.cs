using Microsoft.Extensions.Logging;
using Playout.Engine.Channels;
using Playout.Engine.Pictures;
using Playout.Interop;

namespace Playout.Engine.Consumers;

/// <summary>
/// A small JPEG of the programme a few times a second, for the control panel. The tick hands a frame over only
/// when one is due and the previous one is encoded (otherwise it skips, never waits); scaling and encoding run
/// on the consumer's own low-priority thread.
/// </summary>
public sealed class PreviewConsumer : IConsumer
{
    private readonly ChannelContext _channel;
    private readonly FrameHandoff _slot = new(1);
    private readonly CancellationTokenSource _cancel = new();
    private readonly Thread _thread;
    private readonly long _interval;
    private long _next;
    private long _sent;
    private long _skipped;
    private volatile Preview? _latest;

    public PreviewConsumer(ChannelContext channel, int width, int height, double perSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        _channel = channel;
        Width = width;
        Height = height;
        _interval = Math.Max(1, (long)Math.Round(channel.Format.FrameRate.ToDouble() / perSecond));
        _thread = new Thread(Run) { Name = $"{channel.Name} preview", IsBackground = true };
        _thread.Start();
    }

    public string Name => "preview";

    /// <summary>Send only offers the frame to a bounded queue its own thread drains.</summary>
    public bool NeverBlocks => true;
    public int Width { get; }
    public int Height { get; }

    public ConsumerCounters Counters => new(Interlocked.Read(ref _sent), Interlocked.Read(ref _skipped));

    /// <summary>The newest JPEG and the tick it shows, or null before the first.</summary>
    public Preview? Latest => _latest;

    public void Send(long tick, Media.Frames.Frame video, Media.Audio.AudioFrame audio)
    {
        if (tick < _next)
            return;
        _next = tick + _interval;
        if (_slot.TryAdd(tick, video, audio))
            Interlocked.Increment(ref _sent);
        else
            Interlocked.Increment(ref _skipped);
    }

    public void Dispose()
    {
        _cancel.Cancel();
        _thread.Join();
        _slot.Dispose();
        _cancel.Dispose();
    }

    private void Run()
    {
        // A picture for people to look at: it yields to everything else (raising a nice value needs no privilege).
        Interop.ThreadScheduling.SetCurrentThread(ThreadPriority.Lowest);
        var format = _channel.Format;
        try
        {
            using var encoder = new FfmpegPictureEncoder(format.Width, format.Height, "yuv422p10le", Width, Height, "mjpeg");
            using var picture = new PlanarPicture(format.Width, format.Height);
            var buffer = new byte[Width * Height * 4 + 4096];
            while (_slot.TryTake(out var item, _cancel.Token))
            {
                try
                {
                    picture.UnpackFrom(item.Video);
                }
                finally
                {
                    item.Release();
                }
                int size = encoder.Encode(picture.Planes, buffer);
                _latest = new Preview(item.Tick, buffer[..size]);
            }
        }
        catch (PlayoutAvException error)
        {
            _channel.Logger.LogError("{Channel}: preview stopped: {Reason}", _channel.Name, error.Message);
        }
    }
}

/// <summary>One preview picture: the tick it shows and its JPEG bytes.</summary>
public sealed record Preview(long Tick, byte[] Jpeg);
