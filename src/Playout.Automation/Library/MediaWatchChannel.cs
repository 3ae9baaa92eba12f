using Playout.Automation.Runtime;
using Playout.Automation.Timing;

namespace Playout.Automation.Library;

/// <summary>An automated channel whose next 24 hours the media library checks.</summary>
/// <param name="Name">The channel's name, for its "CHANNEL/media" alarm.</param>
public sealed record MediaWatchChannel(string Name, ChannelAutomation Automation, ScheduleTimeBase Time);
