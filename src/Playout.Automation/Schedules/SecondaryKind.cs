namespace Playout.Automation.Schedules;

/// <summary>What a secondary event does when its time comes.</summary>
public enum SecondaryKind
{
    /// <summary>Keys a logo or still (<see cref="SecondaryEvent.Source"/>) on a graphics layer.</summary>
    LogoOn,

    /// <summary>Takes a graphics layer off air.</summary>
    LogoOff,

    /// <summary>Pre-rolls <see cref="SecondaryEvent.Source"/> on a graphics layer and takes it with a mix.</summary>
    GraphicsTake,

    /// <summary>Ramps the programme layer's audio to <see cref="SecondaryEvent.LevelDb"/>.</summary>
    AudioLevel,

    /// <summary>Sends an SCTE-35 splice_insert or time_signal in the MPEG-TS outputs, timed to the splice frame.</summary>
    Scte35,

    /// <summary>Sends a named command to a device (router, GPI, encoder…) through the device-command interface.</summary>
    Device,
}
