using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;
using Playout.Server.Hosting;

namespace Playout.Server.Cli;

/// <summary>
/// What the CLI's control verbs share: the running service's address (--url, default http://127.0.0.1:8080; "http://"
/// when it names no scheme) and API token (--token, else the PLAYOUT_TOKEN environment variable, else — for a service
/// on this machine — the engineer token it keeps in its state folder: $PLAYOUT_STATE, or the one configs/demo.json
/// names), and one way to turn the service's answers into exit codes.
/// </summary>
public sealed class ServiceClient : IDisposable
{
    private readonly HttpClient _http;

    private ServiceClient(Uri url, string? token)
    {
        _http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public static Option<string> Url() => new("--url")
    {
        Description = "The service's address (http://HOST:PORT)",
        DefaultValueFactory = _ => "http://127.0.0.1:8080",
    };

    public static Option<string?> Token() => new("--token")
    {
        Description = "API token (default: $PLAYOUT_TOKEN, else a local service's own token from its state folder: $PLAYOUT_STATE or configs/demo.json's)",
    };

    public static Option<int> Channel() => new("--channel") { Description = "Channel number (1, 2, …)", Required = true };

    /// <exception cref="CliInputException">The --url is not an HTTP address.</exception>
    public static ServiceClient For(ParseResult result, Option<string> url, Option<string?> token)
    {
        var address = Address(result.GetValue(url)!);
        return new(address, result.GetValue(token) ?? Environment.GetEnvironmentVariable("PLAYOUT_TOKEN") ?? LocalTokenFor(address));
    }

    /// <summary>The service's address as a base URL; "HOST:PORT" is taken as http://HOST:PORT.</summary>
    public static Uri Address(string url)
    {
        string text = url.Contains("://", StringComparison.Ordinal) ? url : "http://" + url;
        if (Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var address) && address.Scheme is "http" or "https" && address.Host.Length > 0)
            return address;
        throw new CliInputException($"--url '{url}' is not a service address (http://HOST:PORT)");
    }

    /// <summary>The engineer token a service on this machine keeps in its state folder; never sent to another machine.</summary>
    private static string? LocalTokenFor(Uri address)
    {
        if (!ApiConfig.IsLoopback(address.Host.Trim('[', ']')))
            return null;
        string? state = Environment.GetEnvironmentVariable("PLAYOUT_STATE") ?? LocalToken.StateFolderOf(ServeCommand.DefaultConfig);
        return state is null ? null : LocalToken.Read(state);
    }

    /// <summary>Sends a request; the body of a success goes to <paramref name="output"/>, a refusal's reason to <paramref name="error"/>.</summary>
    /// <returns>0 on success; 2 when the service refused the input (4xx) or cannot be reached; 1 when it failed (5xx).</returns>
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
            return PlayoutCli.BadInput;
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
