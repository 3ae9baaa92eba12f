using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Media.Formats;

namespace Playout.Automation.Imports;

/// <summary>How to read a schedule file for a channel.</summary>
/// <param name="FrameRate">The channel's frame rate: what the frames of a timecode (HH:MM:SS:FF) count in.</param>
/// <param name="Devices">The channel's configured devices, to check device secondaries against; null: device names are not checked (offline validation).</param>
/// <param name="MaxErrors">Stop collecting after this many errors (the result says it was cut short).</param>
/// <param name="Sources">Where the file's sources may come from (media roots, network protocols); null: not checked.</param>
public sealed record ScheduleImportOptions(Rational FrameRate, IDeviceCommands? Devices = null, int MaxErrors = 50, SourceRules? Sources = null);
