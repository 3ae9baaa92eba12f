using System.Runtime.CompilerServices;

namespace Playout.Automation.Tests.Scripting;

/// <summary>The sample scripts in configs/scripts, found from this source file (the tests may be built outside the repository).</summary>
internal static class SampleScripts
{
    public static string Read(string name, [CallerFilePath] string here = "")
    {
        for (var dir = new FileInfo(here).Directory; dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "configs", "scripts", name);
            if (File.Exists(path))
                return File.ReadAllText(path);
        }
        throw new FileNotFoundException($"configs/scripts/{name} not found above {here}");
    }
}
