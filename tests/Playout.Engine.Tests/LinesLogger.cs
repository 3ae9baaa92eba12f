using Microsoft.Extensions.Logging;

namespace Playout.Engine.Tests;

/// <summary>A logger that keeps each formatted line, for tests that check what was logged.</summary>
internal sealed class LinesLogger : ILogger
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
                return [.. _lines];
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lines)
            _lines.Add(formatter(state, exception));
    }
}
