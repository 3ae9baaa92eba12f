using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Playout.Server.Web;

namespace Playout.Server.Tests.Web;

/// <summary>An error nobody expected is a 500 with a generic message; what it was goes to the service log, not to the caller.</summary>
public class ApiErrorsTests
{
    [Fact]
    public async Task An_unexpected_error_is_a_500_problem_with_a_generic_message_and_the_details_are_logged()
    {
        var log = new Recorder();
        await using var server = await LoopbackApp.Start(app =>
        {
            ApiErrors.Use(app, log);
            app.MapGet("/api/boom", IResult () => throw new InvalidOperationException("secret detail at Playout.Internal"));
        });
        using var response = await server.Client.GetAsync("/api/boom");
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("an unexpected error; the service log has the details", body);
        Assert.DoesNotContain("secret", body);
        var logged = Assert.Single(log.Errors);
        Assert.Contains("GET /api/boom", logged.Message);
        Assert.Equal("secret detail at Playout.Internal", logged.Error?.Message);
    }

    private sealed class Recorder : ILogger
    {
        public List<(string Message, Exception? Error)> Errors { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
                Errors.Add((formatter(state, exception), exception));
        }
    }
}
