using Microsoft.Extensions.Logging;
using Playout.Engine.Alarms;

namespace Playout.Devices.Profiles;

/// <summary>A profile's fault flags on the alarm board: <c>device NAME/FAULT</c> raised while the flag is active, cleared when it goes.</summary>
internal static class FaultAlarms
{
    public static void Set(DeviceContext context, string device, string fault, bool active, AlarmSeverity severity, string message)
    {
        string source = Source(device, fault);
        if (active && !context.Alarms.IsActive(source))
        {
            context.Alarms.Raise(source, severity, $"{device}: {message}");
            context.Logger.LogWarning("device {Device}: {Alarm}", device, message);
        }
        else if (!active && context.Alarms.IsActive(source))
            context.Alarms.Clear(source);
    }

    public static string Source(string device, string fault) => $"device {device}/{fault}";
}
