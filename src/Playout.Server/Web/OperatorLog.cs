using Microsoft.Extensions.Logging;
using Playout.Automation.Schedules;

namespace Playout.Server.Web;

/// <summary>Every operator action and schedule edit goes to the log with who asked and what came of it.</summary>
public static class OperatorLog
{
    public static void LogOperator(this ILogger logger, string channel, string action, string who, EditResult result)
    {
        if (result.Ok)
            logger.LogInformation("{Channel}: {Action} by {Who}", channel, action, who);
        else
            logger.LogWarning("{Channel}: {Action} by {Who} refused: {Reason}", channel, action, who, result.Reason);
    }
}
