using Microsoft.AspNetCore.Http;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>The channels as the API numbers them: 1, 2, … in configuration order.</summary>
public sealed class ApiChannels(IReadOnlyList<ChannelRuntime> channels)
{
    public IReadOnlyList<ChannelRuntime> All => channels;

    /// <summary>Channel <paramref name="number"/>, or the 404 to answer with.</summary>
    public (ChannelRuntime? Channel, IResult? Error) Find(int number) =>
        number >= 1 && number <= channels.Count ? (channels[number - 1], null)
            : (null, Results.Problem($"there is no channel {number} (channels are 1..{channels.Count})", statusCode: 404));

    /// <summary>Channel <paramref name="number"/>'s automation, or the error to answer with (404, or 409 when it runs without a schedule).</summary>
    public (AutomationHost? Automation, IResult? Error) Automation(int number)
    {
        var (channel, error) = Find(number);
        if (channel is null)
            return (null, error);
        return channel.Automation is { } automation ? (automation, null)
            : (null, Results.Problem($"channel {number} ({channel.Channel.Name}) is not run from a schedule", statusCode: 409));
    }

    /// <summary>Answers with <paramref name="answer"/> for channel <paramref name="number"/>'s automation, or with the error that it has none.</summary>
    public IResult Answer(int number, Func<AutomationHost, IResult> answer)
    {
        var (automation, error) = Automation(number);
        return automation is null ? error! : answer(automation);
    }
}
