using Playout.TestSupport;
namespace Playout.Interop.Tests;

public sealed class FfmpegInfoTests
{
    [Fact]
    public void VersionIsTheOneTheFfmpegCliReports()
    {
        // "ffmpeg version 5.1.6-0+deb12u1 Copyright ..." (the CLI and the shim link the same system libraries)
        string cli = Ffmpeg.Run("-version").Split(' ')[2];

        Assert.Equal(cli, FfmpegInfo.Version);
    }
}
