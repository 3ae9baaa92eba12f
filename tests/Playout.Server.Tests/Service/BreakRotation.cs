using System.Globalization;
using System.Text;
using Playout.TestSupport;

namespace Playout.Server.Tests.Service;

/// <summary>
/// A service's media and schedule for tests of scheduled breaks: two short test clips in "media" and a day template
/// ("day.yaml") looping a programme and an advert that carries an SCTE-35 break out of the network.
/// </summary>
public static class BreakRotation
{
    /// <param name="size">The clips' picture size ("640x360").</param>
    /// <param name="seconds">Each clip's length.</param>
    /// <param name="eventId">The break's splice event.</param>
    /// <param name="breakSeconds">The break's planned duration, with auto return.</param>
    public static void Write(TempDirectory folder, string size, int seconds, uint eventId, int breakSeconds, string? segmentation = null)
    {
        Directory.CreateDirectory(folder.File("media"));
        foreach (string clip in new[] { "programme", "advert" })
            Ffmpeg.Run("-f", "lavfi", "-i", $"testsrc2=size={size}:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", seconds.ToString(CultureInfo.InvariantCulture), "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest",
                folder.File($"media/{clip}.mp4"));
        folder.Write("day.yaml", Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""
            date: 2026-01-01
            events:
              - id: rotation
                kind: block
                loop: true
                duration: "23:59:00"
                children:
                  - { id: programme, kind: clip, source: programme.mp4, title: "Programme A" }
                  - id: advert
                    kind: clip
                    source: advert.mp4
                    title: "Advert"
                    secondaries:
                      - kind: scte35
                        scte35: { eventId: {{eventId}}, out: true, duration: "00:00:{{breakSeconds:00}}", autoReturn: true{{(segmentation is null ? "" : ", segmentation: " + segmentation)}} }
            """)));
    }
}
