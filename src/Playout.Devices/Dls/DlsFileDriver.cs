using System.Globalization;

namespace Playout.Devices.Dls;

/// <summary>"dls-file": a DAB+ dynamic label file (settings: <c>file</c>, relative to the configuration's folder; <c>length</c>, 1 to 128, default 128).</summary>
public sealed class DlsFileDriver : IDeviceDriver
{
    public string Name => "dls-file";

    public Device Open(string name, IReadOnlyDictionary<string, string> settings, DeviceContext context)
    {
        string[] known = ["file", "length"];
        if (settings.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
            throw new ArgumentException($"{unknown}: no such setting of the dls-file driver (it takes {string.Join(", ", known)})");
        if (!settings.TryGetValue("file", out string? file) || string.IsNullOrWhiteSpace(file))
            throw new ArgumentException("file: missing (the label file the DAB+ encoder reads, e.g. dls/station.txt)");
        int length = DlsFileDevice.MaxLength;
        if (settings.TryGetValue("length", out string? text)
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out length) || length is < 1 or > DlsFileDevice.MaxLength))
            throw new ArgumentException($"length: '{text}' is not a number of characters from 1 to {DlsFileDevice.MaxLength}");
        return new DlsFileDevice(name, context, context.PathOf(file), length);
    }
}
