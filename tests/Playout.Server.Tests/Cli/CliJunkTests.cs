using Playout.TestSupport;

namespace Playout.Server.Tests.Cli;

/// <summary>
/// Every verb given junk — bad numbers, missing and unreadable files, binary files, malformed codes, unreachable
/// services — answers with a plain message ("playout: …", or the file's located error) and exit code 2 (bad input, as
/// docs/CLI.md says), never a stack trace.
/// </summary>
public sealed class CliJunkTests
{
    // Placeholders, filled in per test: a folder of its own, a binary file in it, a port nothing listens on.
    private const string Folder = "{folder}", Binary = "{binary}", Unreachable = "{unreachable}";

    public static TheoryData<string[]> Junk() =>
    [
        ["convert", "--from", "v211", "--to", "v210", "--size", "1920x1080", Binary, Folder + "/out.raw"],
        ["convert", "--from", "v210", "--to", "uyvy422", "--size", "-5x9", Binary, Folder + "/out.raw"],
        ["convert", "--from", "v210", "--to", "uyvy422", "--size", "99999999x99999999", Binary, Folder + "/out.raw"],
        ["convert", "--from", "v210", "--to", "uyvy422", "--size", "48x2", Folder + "/missing.raw", Folder + "/out.raw"],
        ["timecode", "--rate", "abc", "1"],
        ["timecode", "--rate", "0", "1"],
        ["timecode", "--rate", "25", "99:99:99:99"],
        ["timecode", "--rate", "29.97", "-1"],
        ["timecode", "--rate", "25", "12:00"],
        ["scte35", "decode", "!!!"],
        ["scte35", "decode", ""],
        ["scte35", "decode", "AAAA"],
        ["schedule", "validate", Folder + "/missing.yaml"],
        ["schedule", "validate", Folder],
        ["schedule", "validate", Binary],
        ["asrun", "export", "--channel", "1", "--day", "2026-13-45", "--url", Unreachable],
        ["asrun", "export", "--channel", "1", "--day", "2026-01-01", "--format", "pdf", "--url", Unreachable],
        ["ctl", "take", "--channel", "-1", "--url", Unreachable],
        ["ctl", "take", "--channel", "1", "--url", Unreachable],
        ["media", "list", "--db", Binary],
        ["media", "list", "--db", Folder + "/no/such/folder/media.db"],
        ["loudness", Binary],
        ["loudness", Folder + "/missing.wav", "--json"],
        ["loudness", Folder],
        ["script", "run", Folder + "/missing.csx"],
        ["serve", "--config", Folder + "/missing.json"],
        ["serve", "--config", Binary],
    ];

    [Theory]
    [MemberData(nameof(Junk))]
    public void Junk_gets_a_plain_message_and_exit_code_2(string[] junk)
    {
        using var folder = new TempDirectory();
        string binary = folder.Write("junk.bin", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256))]);
        string unreachable = $"http://127.0.0.1:{FreePorts.Tcp()}";
        string[] args = [.. junk.Select(a => a.Replace(Binary, binary).Replace(Unreachable, unreachable).Replace(Folder, folder.Path))];

        var (code, _, error) = CliRunner.Run(args);

        Assert.True(code == 2, $"exit {code}: {error}");
        // A message of the CLI's own, or a file's located error ("FILE, line N: …").
        Assert.True(error.StartsWith("playout: ", StringComparison.Ordinal) || error.StartsWith(folder.Path, StringComparison.Ordinal), error);
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("Exception", error);
    }
}
