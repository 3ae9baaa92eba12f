using Microsoft.Extensions.Logging;
using Playout.Engine.Alarms;

namespace Playout.Devices;

/// <summary>What a device is given by the service: the one alarm board, the log, and the time (tests step it).</summary>
public sealed record DeviceContext(AlarmBoard Alarms, ILogger Logger, TimeProvider Time);
