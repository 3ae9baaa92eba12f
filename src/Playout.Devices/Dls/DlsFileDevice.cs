using System.Globalization;
using System.Text;

namespace Playout.Devices.Dls;

/// <summary>
/// A DAB+ multiplexer's DLS (dynamic label) text as a file, the way ODR-PadEnc and most PAD encoders read it: each
/// <c>text</c> command replaces the file's content whole (written beside it and renamed over it, so a reader never sees
/// half a label), its runs of white space made one space and cut to the label's <see cref="MaxLength"/> characters. UTF-8
/// (the encoder turns it into DAB's character set). A file that cannot be written loses the link, with why.
/// </summary>
internal sealed class DlsFileDevice(string name, DeviceContext context, string path, int length) : Device(name, "dls-file", context)
{
    /// <summary>A DAB dynamic label's length.</summary>
    public const int MaxLength = 128;

    public override IReadOnlyList<DeviceCommandSpec>? Commands { get; } =
        [new("text", "The dynamic label: what is on air", [new DeviceParameterSpec("text", MaxLength: 255)])];

    public override void Start()
    {
        SetIdentity($"DLS file {path}");
        if (Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path))))
            SetConnection(ConnectionState.Connected);
        else
            SetConnection(ConnectionState.Lost, $"no folder for {path}");
    }

    protected override async Task ExecuteAsync(string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel)
    {
        string label = string.Join(' ', arguments["text"].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var info = new StringInfo(label);
        if (info.LengthInTextElements > length)
            label = info.SubstringByTextElements(0, length).TrimEnd();
        SetSetting("text", desired: label);
        string temporary = path + ".new";
        try
        {
            await File.WriteAllTextAsync(temporary, label, new UTF8Encoding(false), cancel).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            SetConnection(ConnectionState.Lost, $"cannot write {path}: {error.Message}");
            throw new DeviceCommandException($"{Name}: text not written: {error.Message}");
        }
        SetConnection(ConnectionState.Connected);
        SetSetting("text", actual: label);
    }

    protected override ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
}
