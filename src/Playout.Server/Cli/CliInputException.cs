namespace Playout.Server.Cli;

/// <summary>The user's input is wrong (a file, a size, a name); the message says what and where. Exit code 2.</summary>
public sealed class CliInputException(string message) : Exception(message);
