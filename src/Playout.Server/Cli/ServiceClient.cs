using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Playout.Server.Cli;

/// <summary>
/// What the CLI's control verbs share: the running service's address (--url, default http://127.0.0.1:8080) and API
/// token (--token, or the PLAYOUT_TOKEN environment variable), and one way to turn the service's answers into exit codes.
/// </summary>
public sealed class ServiceClient : IDisposable
{
    private readonly HttpClient _http;

    private ServiceClient(string url, string? token)
    {
        _http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public static Option<string> Url() => new("--url")
    {
        Description = "The service's address",
        DefaultValueFactory = _ => "http://127.0.0.1:8080",
    };

    public static Option<string?> Token() => new("--token") { Description = "API token (default: $PLAYOUT_TOKEN)" };

    public static Option<int> Channel() => new("--channel") { Description = "Channel number (1, 2, …)", Required = true };

    public static ServiceClient For(ParseResult result, Option<string> url, Option<string?> token) =>
        new(result.GetValue(url)!, result.GetValue(token) ?? Environment.GetEnvironmentVariable("PLAYOUT_TOKEN"));

    /// <summary>Sends a request; the body of a success goes to <paramref name="output"/>, a refusal's reason to <paramref name="error"/>.</summary>
    /// <returns>0 on success; 2 when the service refused the input (4xx); 1 when it could not be reached or failed.</returns>
    public int Send(HttpRequestMessage request, TextWriter output, TextWriter error, Func<string, string>? show = null)
    {
        HttpResponseMessage response;
        string body;
        try
        {
            response = _http.Send(request);
            using var reader = new StreamReader(response.Content.ReadAsStream());
            body = reader.ReadToEnd();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            error.WriteLine($"playout: cannot reach the service at {_http.BaseAddress}: {e.Message}");
            return PlayoutCli.Failure;
        }
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                output.Write(show is null ? body : show(body));
                return PlayoutCli.Ok;
            }
            error.WriteLine($"playout: {(int)response.StatusCode} {response.ReasonPhrase}: {Reason(body)}");
            return (int)response.StatusCode is >= 400 and < 500 ? PlayoutCli.BadInput : PlayoutCli.Failure;
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The "detail" of a problem answer, the "errors" of a rejected file, or the body as it is.</summary>
    private static string Reason(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
                return string.Join(Environment.NewLine, errors.EnumerateArray().Select(e => e.ToString()));
            if (json.RootElement.TryGetProperty("refused", out var refused) && refused.ValueKind == JsonValueKind.String)
                return refused.GetString()!;
            if (json.RootElement.TryGetProperty("detail", out var detail))
                return detail.GetString() ?? body;
        }
        catch (JsonException)
        {
        }
        return body;
    }
}
