using System.Device.Gpio;
using System.Device.Gpio.Drivers;

namespace Playout.Devices.Gpio;

/// <summary>
/// "gpio": Linux GPIO lines as GPI inputs and outputs (<see cref="GpioSettings"/>), through System.Device.Gpio's
/// <see cref="GpioController"/> over libgpiod (<see cref="LibGpiodDriver"/>), or over another <see cref="GpioDriver"/>
/// given here (hw-sim's simulated chip).
/// </summary>
/// <param name="openChip">Opens chip N's driver; called again on each reconnect (the controller disposes the driver it was given).</param>
public sealed class GpioLineDriver(Func<int, GpioDriver> openChip) : IDeviceDriver
{
    public GpioLineDriver() : this(chip => new LibGpiodDriver(chip))
    {
    }

    public string Name => "gpio";

    public Device Open(string name, IReadOnlyDictionary<string, string> settings, DeviceContext context) =>
        new GpioLineDevice(name, GpioSettings.Parse(settings), openChip, context);
}
