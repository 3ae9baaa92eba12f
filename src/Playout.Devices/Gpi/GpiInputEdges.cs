using Microsoft.Extensions.Logging;

namespace Playout.Devices.Gpi;

/// <summary>
/// The <see cref="IGpiInputs.InputChanged"/> event of a device, raised on the device's own thread so that a handler that
/// throws is logged and never ends that thread: the device and its other inputs stay watched.
/// </summary>
internal sealed class GpiInputEdges(string device, ILogger logger)
{
    public event Action<int, bool>? Changed;

    public void Raise(int input, bool closed)
    {
        try
        {
            Changed?.Invoke(input, closed);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            logger.LogError(error, "device {Device}: input {Input} edge handler failed", device, input);
        }
    }
}
