using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices.Dls;
using Playout.Engine.Alarms;
using Playout.TestSupport;

namespace Playout.Devices.Tests.Dls;

/// <summary>
/// The dls-file device: each text replaces the label file whole, in UTF-8, its white space tidied and cut to the label's
/// length; a file it cannot write loses the link with why and the next text written finds it again; settings are checked.
/// </summary>
public sealed class DlsFileDeviceTests
{
    [Fact]
    public async Task Each_text_replaces_the_label_file_in_utf8_cut_to_the_labels_length()
    {
        using var folder = new TempDirectory();
        using var alarms = new AlarmBoard(NullLogger.Instance);
        await using var dls = Open(folder, alarms, new() { ["file"] = "station.dls", ["length"] = "40" });
        dls.Start();
        Assert.Equal(ConnectionState.Connected, dls.Status().Connection);

        await dls.SendAsync("text", new Dictionary<string, string> { ["text"] = "Mỹ Tâm –  Đất nước trọn niềm vui" }, default);
        Assert.Equal("Mỹ Tâm – Đất nước trọn niềm vui", await File.ReadAllTextAsync(folder.File("station.dls")));
        await dls.SendAsync("text", new Dictionary<string, string> { ["text"] = "Orchestra of the Southern Provinces – Symphony No. 9" }, default);
        Assert.Equal("Orchestra of the Southern Provinces – Sy", await File.ReadAllTextAsync(folder.File("station.dls")));
        Assert.Equal(("Orchestra of the Southern Provinces – Sy", "Orchestra of the Southern Provinces – Sy"),
            (dls.Status().Settings.Single().Desired, dls.Status().Settings.Single().Actual));
        Assert.Equal(["station.dls"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_label_file_it_cannot_write_loses_the_link_until_a_text_is_written_again()
    {
        using var folder = new TempDirectory();
        using var alarms = new AlarmBoard(NullLogger.Instance);
        await using var dls = Open(folder, alarms, new() { ["file"] = "dab/station.dls" });
        dls.Start();
        Assert.Equal((ConnectionState.Lost, $"no folder for {folder.File("dab/station.dls")}"), (dls.Status().Connection, dls.Status().Error));

        var error = await Assert.ThrowsAsync<DeviceCommandException>(() => dls.SendAsync("text", new Dictionary<string, string> { ["text"] = "News" }, default));
        Assert.StartsWith("dls: text not written: ", error.Message);
        Assert.True(alarms.IsActive("device dls/connection"));

        Directory.CreateDirectory(folder.File("dab"));
        await dls.SendAsync("text", new Dictionary<string, string> { ["text"] = "News" }, default);
        Assert.Equal("News", await File.ReadAllTextAsync(folder.File("dab/station.dls")));
        Assert.Equal(ConnectionState.Connected, dls.Status().Connection);
        Assert.False(alarms.IsActive("device dls/connection"));
    }

    [Theory]
    [InlineData("{}", "file: missing")]
    [InlineData("{\"file\": \"a.dls\", \"length\": \"129\"}", "length: '129' is not a number of characters from 1 to 128")]
    [InlineData("{\"file\": \"a.dls\", \"colour\": \"red\"}", "colour: no such setting of the dls-file driver (it takes file, length)")]
    public void Wrong_settings_are_named(string settings, string problem)
    {
        using var alarms = new AlarmBoard(NullLogger.Instance);
        var values = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(settings)!;
        var error = Assert.Throws<ArgumentException>(() => new DlsFileDriver().Open("dls", values, new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System)));
        Assert.StartsWith(problem, error.Message);
    }

    private static Device Open(TempDirectory folder, AlarmBoard alarms, Dictionary<string, string> settings) =>
        new DlsFileDriver().Open("dls", settings, new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System) { Folder = folder.Path });
}
