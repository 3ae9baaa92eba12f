using System.IO.Ports;

namespace Playout.Devices.Serial;

/// <summary>Closing a serial port that may have gone away underneath it.</summary>
public static class SerialPorts
{
    /// <summary>
    /// Closes <paramref name="port"/> without waiting for its unwritten bytes. On Unix, once the other end of the line
    /// has gone (a pulled USB adapter, a pseudo-terminal whose peer exited), System.IO.Ports' I/O loop has stopped and a
    /// write that timed out stays queued, so <see cref="SerialPort.Dispose()"/>, which flushes first, would spin for ever.
    /// Closing the stream first drops what is queued.
    /// </summary>
    public static void Close(SerialPort port)
    {
        try
        {
            if (port.IsOpen)
                port.BaseStream.Dispose();
        }
        catch (Exception error) when (error is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // The line is already gone; the port is disposed below all the same.
        }
        port.Dispose();
    }
}
