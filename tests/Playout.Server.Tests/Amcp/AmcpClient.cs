using System.Net.Sockets;
using System.Text;

namespace Playout.Server.Tests.Amcp;

/// <summary>A raw AMCP connection: sends bytes as given and reads whole replies by CasparCG's framing, as received.</summary>
public sealed class AmcpClient : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly List<byte> _received = [];
    private readonly byte[] _buffer = new byte[65536];

    public AmcpClient(int port)
    {
        _tcp = new TcpClient();
        _tcp.Connect("127.0.0.1", port);
        _stream = _tcp.GetStream();
    }

    public Task Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    public async Task Send(byte[] bytes) => await _stream.WriteAsync(bytes);

    /// <summary>Sends <paramref name="line"/> with CRLF and returns the reply to it.</summary>
    public async Task<string> Ask(string line)
    {
        await Send(line + "\r\n");
        return await Reply();
    }

    /// <summary>
    /// The next reply, exactly as sent: one line, or for 201 and 400 two, or for 200 up to the empty line (a RES id prefix
    /// is read past to find the code).
    /// </summary>
    public async Task<string> Reply(TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (Complete() is { } length)
            {
                string reply = Encoding.UTF8.GetString(_received.GetRange(0, length).ToArray());
                _received.RemoveRange(0, length);
                return reply;
            }
            int read = await _stream.ReadAsync(_buffer, timeout.Token);
            if (read == 0)
                throw new EndOfStreamException($"the server closed the connection; unanswered bytes: '{Encoding.UTF8.GetString(_received.ToArray())}'");
            _received.AddRange(_buffer.AsSpan(0, read));
        }
    }

    /// <summary>Whether the server has closed the connection (reads its end within the limit).</summary>
    public async Task<bool> Closed(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            return await _stream.ReadAsync(_buffer, timeout.Token) == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>The length in bytes of the first complete reply received; null while it is incomplete.</summary>
    private int? Complete()
    {
        string text = Encoding.UTF8.GetString(_received.ToArray());
        int firstEnd = text.IndexOf("\r\n", StringComparison.Ordinal);
        if (firstEnd < 0)
            return null;
        string first = text[..firstEnd];
        if (first.StartsWith("RES ", StringComparison.Ordinal) && first.IndexOf(' ', 4) is var space and > 0)
            first = first[(space + 1)..];
        string code = first.Length >= 3 ? first[..3] : "";
        int end = code switch
        {
            "200" => text.IndexOf("\r\n\r\n", firstEnd, StringComparison.Ordinal) is var blank and >= 0 ? blank + 4 : -1,
            "201" or "400" => text.IndexOf("\r\n", firstEnd + 2, StringComparison.Ordinal) is var second and >= 0 ? second + 2 : -1,
            _ => firstEnd + 2,
        };
        return end < 0 ? null : Encoding.UTF8.GetByteCount(text[..end]);
    }

    public void Dispose()
    {
        _stream.Dispose();
        _tcp.Dispose();
    }
}
