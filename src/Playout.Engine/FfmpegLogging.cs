using Microsoft.Extensions.Logging;
using Playout.Interop;

namespace Playout.Engine;

/// <summary>Puts FFmpeg's warnings and errors into a service log, as "ffmpeg: [h264 @ 0x...] ..." lines.</summary>
public static class FfmpegLogging
{
    public static void RouteTo(ILogger logger) =>
        FfmpegLog.Route((level, line) => logger.Log(level <= FfmpegLog.Error ? LogLevel.Error : LogLevel.Warning, "ffmpeg: {Line}", line));

    public static void Restore() => FfmpegLog.Restore();
}
