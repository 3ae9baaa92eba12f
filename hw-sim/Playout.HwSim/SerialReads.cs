using System.IO.Ports;

namespace Playout.HwSim;

/// <summary>How a twin on a serial line reads it: what came, nothing within the port's read timeout, or the line gone.</summary>
internal static class SerialReads
{
    /// <summary>The bytes read into <paramref name="buffer"/> (0: none came within the read timeout), or null once the port is closed or gone.</summary>
    public static int? Read(SerialPort serial, byte[] buffer)
    {
        try
        {
            return serial.BaseStream.Read(buffer);
        }
        catch (TimeoutException)
        {
            return 0;
        }
        catch (Exception error) when (error is IOException or InvalidOperationException or OperationCanceledException)
        {
            return null;
        }
    }
}
