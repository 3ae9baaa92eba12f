namespace Playout.Devices.Serial;

/// <summary>The line failed a request: it cannot be opened or written, it went away, or nothing answered within the timeout after every try.</summary>
internal sealed class SerialLinkException(string message) : Exception(message);

/// <summary>The device answered a command with its error reply: it is there, and refused.</summary>
internal sealed class SerialRefusedException(string reply) : Exception(reply);
