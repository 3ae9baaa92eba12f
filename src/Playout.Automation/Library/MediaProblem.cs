namespace Playout.Automation.Library;

public enum MediaProblem
{
    /// <summary>No catalogued file answers the item's media.</summary>
    Missing,

    /// <summary>The file is catalogued but FFmpeg cannot play it.</summary>
    Unplayable,

    /// <summary>The file is shorter than the item needs.</summary>
    TooShort,
}
