using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Playout.Server.Tests.Web;

/// <summary>
/// A token-less service is not open to the web: other host names are refused (DNS rebinding), callers without a token
/// only read, the local engineer token changes things, bodies and streams are bounded.
/// </summary>
[Collection(OpenServiceCollection.Name)]
public class WebSecurityTests(OpenService open)
{
    [Theory]
    [InlineData("evil.example")]
    [InlineData("attacker.test:8080")]
    [InlineData("127.0.0.1.nip.io")]
    public async Task A_request_naming_a_foreign_host_is_refused_before_anything_is_read(string host)
    {
        using var client = open.Service.Client();
        foreach (string path in (string[])["/", "/api/status", "/openapi/v1.json"])
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = host;
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
            string body = await response.Content.ReadAsStringAsync();
            Assert.Contains($"does not answer to host '{host.Split(':')[0]}'", body);
            Assert.Contains("api.allowedHosts", body);
            Assert.DoesNotContain("open channel", body);
        }
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("LOCALHOST")]
    [InlineData("[::1]")]
    [InlineData("127.0.0.2")]
    [InlineData(OpenService.AllowedHost)]
    public async Task Loopback_names_and_configured_names_are_answered(string name)
    {
        using var client = open.Service.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Host = $"{name}:{open.Service.Http.Split(':')[1]}";
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("open channel", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_token_a_caller_reads_everything_the_status_page_shows_but_changes_nothing()
    {
        using var anonymous = open.Service.Client();
        Assert.Contains("<title>Playout panel</title>", await anonymous.GetStringAsync("/"));
        string page = await anonymous.GetStringAsync("/status.html");
        Assert.Contains("<title>Playout status</title>", page);
        Assert.DoesNotContain("access_token", page);
        using (var status = JsonDocument.Parse(await anonymous.GetStringAsync("/api/status")))
            Assert.Equal("open channel", status.RootElement.GetProperty("channels")[0].GetProperty("engine").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/channels/1/schedule")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/alarms")).StatusCode);

        string tokenFile = Path.Combine(open.StatePath, "api-token");
        foreach (var request in Changes())
        {
            using var response = await anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"engineer token is in {tokenFile}", await response.Content.ReadAsStringAsync());
        }
        // Nor does the token in the URL, as it once could be.
        using var inUrl = await anonymous.PostAsync("/api/channels/1/hold?access_token=" + open.LocalToken, null);
        Assert.Equal(HttpStatusCode.Unauthorized, inUrl.StatusCode);
    }

    [Fact]
    public async Task The_service_writes_an_engineer_token_only_its_user_can_read_and_it_may_change_things()
    {
        string tokenFile = Path.Combine(open.StatePath, "api-token");
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        Assert.True(open.LocalToken.Length >= 32);
        using var engineer = open.Service.Client(open.LocalToken);
        using var wrong = open.Service.Client("not-the-token-0123456789");
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        var added = await engineer.PostAsync($"/api/channels/1/schedule/{day:yyyy-MM-dd}/events",
            new StringContent("""{ "id": "by-engineer", "kind": "filler", "source": "#808080", "duration": "00:00:10" }""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsync("/api/channels/1/hold", null)).StatusCode);
    }

    [Fact]
    public async Task Bodies_larger_than_the_limits_are_refused_413_with_a_message_whether_announced_or_streamed()
    {
        using var engineer = open.Service.Client(open.LocalToken);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(4);
        string events = $"/api/channels/1/schedule/{day:yyyy-MM-dd}/events";
        string big = $$"""{ "id": "big", "kind": "filler", "title": "{{new string('x', OpenService.MaxBody)}}" }""";
        foreach (var content in (HttpContent[])[new StringContent(big, Encoding.UTF8, "application/json"), Streamed(big, "application/json")])
        {
            using var response = await engineer.PostAsync(events, content);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains($"larger than this endpoint takes ({OpenService.MaxBody} bytes)", await response.Content.ReadAsStringAsync());
        }
        // A schedule file may be larger than an event (its limit is its own), and not larger than that.
        string file = $"date: {day:yyyy-MM-dd}\nevents:\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"  - {{ id: e{i}, kind: filler, source: \"#202020\", duration: \"00:00:01\" }}\n"));
        Assert.InRange(Encoding.UTF8.GetByteCount(file), OpenService.MaxBody + 1, OpenService.MaxFileBody);
        using (var loaded = await engineer.PutAsync("/api/channels/1/schedule?name=day.yaml", new StringContent(file)))
            Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        string huge = file + new string('#', OpenService.MaxFileBody);
        foreach (var content in (HttpContent[])[new StringContent(huge), Streamed(huge, "text/plain")])
        {
            using var response = await engineer.PutAsync("/api/channels/1/schedule?name=day.yaml", content);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains($"({OpenService.MaxFileBody} bytes)", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Status_streams_are_capped_503_when_full_and_a_closed_stream_frees_its_place()
    {
        using var client = new HttpClient { BaseAddress = new Uri(open.Service.Url), Timeout = Timeout.InfiniteTimeSpan };
        string stream = "/api/channels/1/automation/stream";
        var streams = new List<HttpResponseMessage>();
        try
        {
            for (int i = 0; i < OpenService.MaxStreams; i++)
            {
                var response = await client.GetAsync(stream, HttpCompletionOption.ResponseHeadersRead);
                streams.Add(response);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            using (var refused = await client.GetAsync(stream, HttpCompletionOption.ResponseHeadersRead))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.Contains($"{OpenService.MaxStreams} status streams are open", await refused.Content.ReadAsStringAsync());
            }
            streams[0].Dispose();
            streams.RemoveAt(0);
            // The service sees the client gone at its next update (80 ms); then a new stream gets the place.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            HttpStatusCode code;
            do
            {
                await Task.Delay(100);
                var again = await client.GetAsync(stream, HttpCompletionOption.ResponseHeadersRead);
                code = again.StatusCode;
                if (code == HttpStatusCode.OK)
                    streams.Add(again);
                else
                    again.Dispose();
            }
            while (code != HttpStatusCode.OK && DateTime.UtcNow < deadline);
            Assert.Equal(HttpStatusCode.OK, code);
        }
        finally
        {
            streams.ForEach(s => s.Dispose());
        }
    }

    private static IEnumerable<HttpRequestMessage> Changes()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        yield return new HttpRequestMessage(HttpMethod.Post, "/api/channels/1/take");
        yield return new HttpRequestMessage(HttpMethod.Post, "/api/channels/1/hold");
        yield return new HttpRequestMessage(HttpMethod.Post, "/api/channels/1/skip");
        yield return new HttpRequestMessage(HttpMethod.Post, $"/api/channels/1/schedule/{day:yyyy-MM-dd}/events")
        {
            Content = new StringContent("""{ "id": "x", "kind": "filler", "duration": "00:00:01" }""", Encoding.UTF8, "application/json"),
        };
        yield return new HttpRequestMessage(HttpMethod.Delete, $"/api/channels/1/schedule/{day:yyyy-MM-dd}/events/x");
        yield return new HttpRequestMessage(HttpMethod.Put, "/api/channels/1/schedule?name=s.yaml") { Content = new StringContent("date: 2026-01-01\nevents: []\n") };
        yield return new HttpRequestMessage(HttpMethod.Post, "/api/channels/1/scripts") { Content = new StringContent("Log(\"hi\");") };
        yield return new HttpRequestMessage(HttpMethod.Post, "/api/stream-ticket");
    }

    /// <summary>A body sent chunked, with no Content-Length to refuse it by.</summary>
    private static Chunked Streamed(string body, string type) => new(body) { Headers = { ContentType = new MediaTypeHeaderValue(type) } };

    private sealed class Chunked(string body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(Encoding.UTF8.GetBytes(body)).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
