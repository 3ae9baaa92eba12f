using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Web;

/// <summary>The local engineer token: made once, kept across starts, readable only by its owner.</summary>
public class LocalTokenTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void The_token_is_made_once_owner_only_and_kept_across_starts()
    {
        using var folder = new TempDirectory();
        string state = folder.File("state");
        Assert.Null(LocalToken.Read(state));
        string token = LocalToken.Ensure(state);
        Assert.Equal(token, LocalToken.Ensure(state));
        Assert.Equal(token, LocalToken.Read(state));
        Assert.NotEqual(token, LocalToken.Ensure(folder.File("other")));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(state, LocalToken.FileName)));
    }

    [Fact]
    public void An_empty_token_file_is_replaced_and_one_others_can_read_is_closed()
    {
        using var folder = new TempDirectory();
        string empty = folder.File("empty"), open = folder.File("open");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, LocalToken.FileName), "\n");
        Assert.True(LocalToken.Ensure(empty).Length >= 32);
        Directory.CreateDirectory(open);
        string file = Path.Combine(open, LocalToken.FileName);
        File.WriteAllText(file, "kept-token-0123456789\n");
        if (OperatingSystem.IsWindows())
            return;
        File.SetUnixFileMode(file, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Assert.Equal("kept-token-0123456789", LocalToken.Ensure(open));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(file));
    }

    [Fact]
    public void The_cli_finds_the_state_folder_a_configuration_names()
    {
        using var folder = new TempDirectory();
        string named = folder.Write("named.json", "{ // a comment\n \"state\": \"../elsewhere/state\", }"u8.ToArray());
        string unnamed = folder.Write("unnamed.json", "{ \"http\": \"127.0.0.1:8080\" }"u8.ToArray());
        Assert.Equal(Path.GetFullPath(Path.Combine(folder.Path, "../elsewhere/state")), LocalToken.StateFolderOf(named));
        Assert.Equal(folder.File("state"), LocalToken.StateFolderOf(unnamed));
        Assert.Null(LocalToken.StateFolderOf(folder.File("missing.json")));
    }
}
