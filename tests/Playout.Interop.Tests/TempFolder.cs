namespace Playout.Interop.Tests;

/// <summary>A fresh folder under the system temp folder for one test's files, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    private readonly string _path = Directory.CreateTempSubdirectory("playout-interop-").FullName;

    public string PathOf(string name) => Path.Combine(_path, name);

    public string Write(string name, byte[] content)
    {
        string path = PathOf(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_path, recursive: true);
}
