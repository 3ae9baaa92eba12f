using Microsoft.Extensions.Logging;
using Playout.Automation.Schedules;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Commands;
using Playout.Engine.Producers;
using Playout.Engine.Stage;

namespace Playout.Automation.Runtime;

/// <summary>
/// Queues an item's secondary events as channel commands on their exact ticks (logo, graphics, audio level,
/// device commands) and hands SCTE-35 cues to the TS outputs, which send them ahead of the splice frame.
/// Graphics are opened beforehand (<see cref="OpenGraphics"/>), outside the automation's lock and off the tick.
/// </summary>
internal sealed class SecondaryDispatcher(Channel channel, ScheduleSettings settings, IScheduleTimeBase time, IEventSources sources,
    IDeviceCommands? devices, IScte35Output? scte35)
{
    /// <summary>The tick a secondary event falls on, or null while its anchor (the item's end) is not known.</summary>
    public long? TickOf(SecondaryEvent secondary, PlannedItem item)
    {
        long? anchor = secondary.Anchor == EventAnchor.Start ? item.Start : item.End;
        return anchor + time.Frames(secondary.Offset);
    }

    /// <summary>Opens the pictures of an event's logo and graphics-take secondaries (decoding them), by index in the event.</summary>
    public IReadOnlyDictionary<int, Producer> OpenGraphics(PrimaryEvent e)
    {
        var graphics = new Dictionary<int, Producer>();
        for (int index = 0; index < e.SecondaryEvents.Count; index++)
        {
            if (e.SecondaryEvents[index].Kind is SecondaryKind.LogoOn or SecondaryKind.GraphicsTake)
                graphics[index] = sources.Graphic(e.SecondaryEvents[index].Source!);
        }
        return graphics;
    }

    /// <summary>Queues every secondary of <paramref name="cue"/>'s item due at or after <paramref name="earliest"/> (its graphics opened).</summary>
    public void Queue(Cue cue, long earliest)
    {
        var secondaries = cue.Item.Event.SecondaryEvents;
        for (int index = 0; index < secondaries.Count; index++)
        {
            var secondary = secondaries[index];
            // Already queued or done (applied ones are kept by the cue); or not timed yet, or its tick has passed.
            if (cue.Secondaries.ContainsKey(index) || TickOf(secondary, cue.Item) is not long tick || tick < earliest)
                continue;
            if (secondary.Kind == SecondaryKind.Scte35)
            {
                // Sent once: the section leaves the outputs seconds ahead and cannot be called back by a re-plan.
                if (cue.SentScte35.Add(index))
                    Signal(secondary, tick, cue.Item);
                continue;
            }
            var state = new CueState();
            cue.Secondaries[index] = state;
            Dispatch(secondary, tick, state, cue.Item, cue.Graphics!.GetValueOrDefault(index));
        }
    }

    private void Dispatch(SecondaryEvent secondary, long tick, CueState state, PlannedItem item, Producer? graphic)
    {
        int layer = secondary.Layer ?? settings.GraphicsLayer;
        string what = $"{item.Event.Id}: {secondary}";
        switch (secondary.Kind)
        {
            case SecondaryKind.LogoOn:
                Send(state.Command(what, stage => stage[layer].Load(graphic!), tick));
                break;
            case SecondaryKind.LogoOff:
                Send(state.Command(what, stage => stage[layer].Stop(), tick));
                break;
            case SecondaryKind.GraphicsTake:
                Send(state.Command(what, stage =>
                {
                    stage[layer].LoadBackground(graphic!);
                    stage[layer].Take(new Transition(TransitionKind.Mix, Math.Max(1, secondary.Frames)));
                }, tick));
                break;
            case SecondaryKind.AudioLevel:
                double gain = Math.Pow(10, (secondary.LevelDb ?? 0) / 20);
                Send(state.Command(what, stage => stage[settings.ProgrammeLayer].SetVolume(gain, secondary.Frames), tick));
                break;
            case SecondaryKind.Device:
                Send(state.Command(what, _ => SendToDevice(secondary, what), tick));
                break;
        }
    }

    private void Signal(SecondaryEvent secondary, long tick, PlannedItem item)
    {
        if (scte35 is null)
            channel.Context.Logger.LogWarning("{Channel}: {Event}: {Secondary}: no MPEG-TS output carries SCTE-35; cue not sent", channel.Name, item.Event.Id, secondary);
        else
            scte35.Cue(tick, secondary.Scte35!);
    }

    /// <summary>
    /// Runs on the tick and never waits for the device: the send starts on a thread of its own, so that a thread pool kept
    /// busy by other work (planning, a slow driver) cannot make a scheduled command leave late.
    /// </summary>
    private void SendToDevice(SecondaryEvent secondary, string what)
    {
        string alarm = $"{channel.Name}/device {secondary.Device}";
        new Thread(() =>
        {
            try
            {
                devices!.SendAsync(secondary.Device!, secondary.Command!, secondary.Arguments ?? new Dictionary<string, string>(), CancellationToken.None)
                    .GetAwaiter().GetResult();
                channel.Context.Alarms.Clear(alarm);
            }
            catch (Exception error)
            {
                channel.Context.Alarms.Raise(alarm, AlarmSeverity.Major, $"{what}: {secondary.Command} failed: {error.Message}");
            }
        }) { IsBackground = true, Name = $"{channel.Name} device command" }.Start();
    }

    private void Send(ChannelCommand command) => channel.Execute(command);
}
