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

    /// <summary>
    /// <paramref name="file"/> as project <paramref name="project"/> (its folder from the root) builds it in the tests'
    /// own configuration: its bin/Release/net10.0 beside the tests' bin/Release/net10.0.
    /// </summary>
    public static string Built(string project, string file)
    {
        string tests = AppContext.BaseDirectory;
        string bin = $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}";
        return Path.Combine(Root, project, tests[(tests.LastIndexOf(bin, StringComparison.Ordinal) + 1)..], file);
    }
}
