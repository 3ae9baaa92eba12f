namespace Playout.Engine.Stage;

/// <summary>
/// Picture-in-picture placement of a layer: its picture scaled by 1, 1/2 or 1/4 (box filter, in 10 bits) with
/// its top-left corner at (<see cref="X"/>, <see cref="Y"/>) in channel pixels. X snaps down to an even pixel
/// (a 4:2:2 chroma pair) and Y to an even line, which keeps both fields of an interlaced picture in order.
/// </summary>
public readonly record struct PictureTransform(int X, int Y, int Divisor)
{
    public static PictureTransform FullFrame => new(0, 0, 1);

    public bool IsFullFrame => Divisor == 1 && X == 0 && Y == 0;

    /// <exception cref="ArgumentException">The divisor is not 1, 2 or 4, or the position is negative.</exception>
    public void Validate()
    {
        if (Divisor is not (1 or 2 or 4))
            throw new ArgumentException($"picture-in-picture scales by 1, 1/2 or 1/4; got 1/{Divisor}");
        if (X < 0 || Y < 0)
            throw new ArgumentException($"picture position must not be negative; got ({X}, {Y})");
    }
}
