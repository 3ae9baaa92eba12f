using Microsoft.AspNetCore.Http;
using Playout.Server.Hosting;
using Playout.Server.Web;

namespace Playout.Server.Tests.Web;

/// <summary>A stream ticket opens one status stream, once, within its lifetime, as its holder; nothing else.</summary>
public class StreamTicketsTests
{
    private static readonly ApiAuth.Caller Desk = new("desk", ApiRole.Operator);

    [Fact]
    public void A_ticket_opens_one_stream_once_as_its_holder()
    {
        var tickets = new StreamTickets(new Clock());
        var ticket = tickets.Issue(Desk);
        Assert.Equal(30, ticket.ExpiresInSeconds);
        Assert.Null(tickets.Redeem(Request("GET", "/api/channels/1/automation", ticket.Value)));
        Assert.Null(tickets.Redeem(Request("POST", "/api/channels/1/automation/stream", ticket.Value)));
        Assert.Equal(Desk, tickets.Redeem(Request("GET", "/api/channels/1/automation/stream", ticket.Value)));
        Assert.Null(tickets.Redeem(Request("GET", "/api/channels/1/automation/stream", ticket.Value)));
        Assert.Null(tickets.Redeem(Request("GET", "/api/channels/1/automation/stream", "not-a-ticket")));
    }

    [Fact]
    public void A_ticket_is_stale_after_its_lifetime()
    {
        var clock = new Clock();
        var tickets = new StreamTickets(clock);
        var early = tickets.Issue(Desk);
        var late = tickets.Issue(Desk);
        clock.Now += StreamTickets.Lifetime - TimeSpan.FromSeconds(1);
        Assert.Equal(Desk, tickets.Redeem(Request("GET", "/api/channels/1/automation/stream", early.Value)));
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Null(tickets.Redeem(Request("GET", "/api/channels/1/automation/stream", late.Value)));
    }

    private static HttpRequest Request(string method, string path, string ticket)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Path = path;
        http.Request.QueryString = QueryString.Create("ticket", ticket);
        return http.Request;
    }

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 4, 22, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
