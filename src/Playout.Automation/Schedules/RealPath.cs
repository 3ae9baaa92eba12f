namespace Playout.Automation.Schedules;

/// <summary>
/// A full path with every symbolic link among its existing components followed, as realpath(3) does, so that a check on
/// the path is a check on what opening it reaches; the components that do not exist (yet) are kept as written.
/// </summary>
internal static class RealPath
{
    /// <summary>More links than this on one path is taken for a loop (the kernel's own limit).</summary>
    private const int MaxLinks = 40;

    /// <exception cref="IOException">A loop of links, or a component that cannot be looked at.</exception>
    /// <exception cref="UnauthorizedAccessException">A folder on the way may not be read.</exception>
    public static string Of(string fullPath)
    {
        string current = Path.GetPathRoot(fullPath)!;
        var rest = new Stack<string>();
        Push(rest, fullPath);
        int links = 0;
        while (rest.TryPop(out var part))
        {
            if (part == ".")
                continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            string next = Path.Combine(current, part);
            if (LinkTarget(next) is not { } target)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks)
                throw new IOException($"too many levels of symbolic links at {next}");
            // The target's components are walked in turn (they may hold links too), from its root or from the link's folder.
            Push(rest, target);
            if (Path.IsPathRooted(target))
                current = Path.GetPathRoot(target)!;
        }
        return current;
    }

    /// <summary>Puts a path's components (without its root) on the stack, the first on top.</summary>
    private static void Push(Stack<string> rest, string path)
    {
        var parts = path[Path.GetPathRoot(path)!.Length..]
            .Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (int i = parts.Length - 1; i >= 0; i--)
            rest.Push(parts[i]);
    }

    /// <summary>What the link at the path points to as written; null when it is no link or does not exist.</summary>
    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
