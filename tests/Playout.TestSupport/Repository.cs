namespace Playout.TestSupport;

/// <summary>Files of this repository (configs, MIBs, schedules), found from the test binaries upwards.</summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !System.IO.File.Exists(Path.Combine(directory.FullName, "Playout.sln")))
                directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("Playout.sln not found above the test binaries");
        }
    }

    /// <summary>The full path of <paramref name="path"/>, relative to the repository's root.</summary>
    public static string File(string path) => Path.Combine(Root, path);
}
