namespace Playout.Benchmarks;

/// <summary>The picture sizes benchmarks run at.</summary>
public static class Picture
{
    public const string Hd = "1080p";
    public const string Uhd4K = "2160p";
    public const string Uhd8K = "4320p";

    public static (int Width, int Height) Size(string name) => name switch
    {
        Hd => (1920, 1080),
        Uhd4K => (3840, 2160),
        Uhd8K => (7680, 4320),
        _ => throw new ArgumentException($"unknown benchmark size {name}"),
    };
}
