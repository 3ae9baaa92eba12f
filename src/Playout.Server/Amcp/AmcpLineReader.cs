using System.Text;

namespace Playout.Server.Amcp;

/// <summary>
/// Splits a connection's bytes into lines: LF ends a line, a CR before it is dropped, text is UTF-8 (bad bytes become
/// U+FFFD). A line of more than <see cref="MaxLineBytes"/> bytes (its line end not counted) is skipped to its end and reported as too long, so a client
/// cannot make the server hold an unbounded line.
/// </summary>
public sealed class AmcpLineReader(Stream stream)
{
    public const int MaxLineBytes = 64 * 1024;

    // Room for the longest line and its CRLF.
    private readonly byte[] _buffer = new byte[MaxLineBytes + 2];
    private int _count, _scanned;
    private bool _skipping;

    /// <summary>The next line; null when the peer has closed (a last line without LF is dropped).</summary>
    public async ValueTask<AmcpLine?> Read(CancellationToken cancel)
    {
        while (true)
        {
            int end = Array.IndexOf(_buffer, (byte)'\n', _scanned, _count - _scanned);
            if (end >= 0)
            {
                int length = end > 0 && _buffer[end - 1] == '\r' ? end - 1 : end;
                var line = _skipping || length > MaxLineBytes ? AmcpLine.TooLong : new AmcpLine(Encoding.UTF8.GetString(_buffer, 0, length), false);
                _skipping = false;
                Array.Copy(_buffer, end + 1, _buffer, 0, _count - end - 1);
                _count -= end + 1;
                _scanned = 0;
                return line;
            }
            if (_count == _buffer.Length)
            {
                _skipping = true;
                _count = 0;
            }
            _scanned = _count;
            int read = await stream.ReadAsync(_buffer.AsMemory(_count), cancel);
            if (read == 0)
                return null;
            _count += read;
        }
    }
}

/// <summary>A line received; <see cref="TooLong"/> stands for one over the limit, whose text was not kept.</summary>
public sealed record AmcpLine(string Text, bool IsTooLong)
{
    public static readonly AmcpLine TooLong = new($"(a line over {AmcpLineReader.MaxLineBytes} bytes)", true);
}
