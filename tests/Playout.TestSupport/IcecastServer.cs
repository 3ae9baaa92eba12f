using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;

namespace Playout.TestSupport;

/// <summary>
/// Debian's icecast2, started on a free loopback port with a configuration of its own (source password "hackme", admin
/// "admin"/"admin-secret"; titles kept as UTF-8, not the Latin-1 Icecast assumes for MP3 mounts by default). Run as root,
/// it changes to nobody, as Icecast refuses to serve as root. Stopped on dispose.
/// </summary>
public sealed class IcecastServer : IDisposable
{
    public const string SourcePassword = "hackme";
    private const string AdminPassword = "admin-secret";

    private readonly TempDirectory _folder = new();
    private Process? _process;

    public IcecastServer()
    {
        Port = FreePorts.Tcp();
        Start();
    }

    public int Port { get; }

    /// <summary>Where listeners reach <paramref name="mount"/> ("/radio.mp3").</summary>
    public Uri Mount(string mount) => new($"http://127.0.0.1:{Port}{mount}");

    /// <summary>Starts the server (again, after <see cref="Stop"/>) and waits until it listens.</summary>
    public void Start()
    {
        string config = _folder.Write("icecast.xml", Encoding.UTF8.GetBytes(Configuration()));
        // The server writes its logs here after dropping to nobody.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(_folder.Path, (UnixFileMode)0x1FF);
        _process = Process.Start(new ProcessStartInfo("icecast2", ["-c", config]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("icecast2 did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var waited = Stopwatch.StartNew();
        while (!Listening())
        {
            if (_process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(10))
                throw new InvalidOperationException($"icecast2 is not listening on {Port} (exited: {_process.HasExited})");
            Thread.Sleep(50);
        }
    }

    /// <summary>Kills the server (a source and its listeners lose it at once).</summary>
    public void Stop()
    {
        if (_process is null)
            return;
        _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    /// <summary>The server's statistics of <paramref name="mount"/> (admin/stats): its "title", "listeners", …; null while it has no source.</summary>
    public async Task<XElement?> SourceStats(string mount)
    {
        using var http = Admin();
        string xml = await http.GetStringAsync(new Uri($"http://127.0.0.1:{Port}/admin/stats"));
        return XDocument.Parse(xml).Root!.Elements("source").FirstOrDefault(s => (string?)s.Attribute("mount") == mount);
    }

    /// <summary>Listens to <paramref name="mount"/> for <paramref name="time"/> and returns the bytes heard.</summary>
    public async Task<byte[]> Listen(string mount, TimeSpan time)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(Mount(mount), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        using var heard = new MemoryStream();
        using var stop = new CancellationTokenSource(time);
        var buffer = new byte[16384];
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, stop.Token)) > 0)
                heard.Write(buffer, 0, read);
        }
        catch (OperationCanceledException)
        {
            // Listened long enough.
        }
        return heard.ToArray();
    }

    public void Dispose()
    {
        Stop();
        _folder.Dispose();
    }

    private static HttpClient Admin()
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{AdminPassword}")));
        return http;
    }

    private bool Listening()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string Configuration()
    {
        string owner = Environment.UserName == "root"
            ? "<changeowner><user>nobody</user><group>nogroup</group></changeowner>" : "";
        return $"""
            <icecast>
              <limits><clients>20</clients><sources>4</sources><source-timeout>10</source-timeout><burst-size>65536</burst-size></limits>
              <authentication><source-password>{SourcePassword}</source-password><admin-user>admin</admin-user><admin-password>{AdminPassword}</admin-password></authentication>
              <hostname>127.0.0.1</hostname>
              <listen-socket><port>{Port}</port><bind-address>127.0.0.1</bind-address></listen-socket>
              <mount type="default"><charset>UTF-8</charset></mount>
              <fileserve>0</fileserve>
              <paths><basedir>/usr/share/icecast2</basedir><logdir>{_folder.Path}</logdir><webroot>/usr/share/icecast2/web</webroot><adminroot>/usr/share/icecast2/admin</adminroot></paths>
              <logging><errorlog>error.log</errorlog><loglevel>2</loglevel></logging>
              <security><chroot>0</chroot>{owner}</security>
            </icecast>
            """;
    }
}
