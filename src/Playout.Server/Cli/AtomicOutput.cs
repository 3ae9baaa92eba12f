namespace Playout.Server.Cli;

/// <summary>
/// An output that appears whole or not at all: a file is written under a temporary name beside the
/// target and renamed on <see cref="Commit"/>; disposing without committing deletes it. "-" is stdout.
/// </summary>
public sealed class AtomicOutput : IDisposable
{
    private readonly string? _target;
    private readonly string? _temporary;
    private bool _committed;

    public AtomicOutput(string path)
    {
        if (path == "-")
        {
            Stream = Console.OpenStandardOutput();
            return;
        }
        _target = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(_target)!;
        if (!Directory.Exists(folder))
            throw new CliInputException($"output folder '{folder}' does not exist");
        _temporary = Path.Combine(folder, $".{Path.GetFileName(_target)}.{Environment.ProcessId}.partial");
        Stream = File.Create(_temporary);
    }

    public Stream Stream { get; }

    public void Commit()
    {
        Stream.Flush();
        if (_temporary is null)
            return;
        Stream.Dispose();
        File.Move(_temporary, _target!, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        Stream.Dispose();
        if (_temporary is not null && !_committed && File.Exists(_temporary))
            File.Delete(_temporary);
    }
}
