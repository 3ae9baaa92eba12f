using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace Playout.Server.Web;

/// <summary>
/// Every error answer is problem JSON in plain words: a request the service cannot read is a 4xx naming what is wrong
/// (never .NET's own wording), an answer with no body of its own (404, 405, 415) gets one, and anything unexpected is
/// a 500 with a generic message while the details go to the service log.
/// </summary>
public static partial class ApiErrors
{
    public static void Use(WebApplication app, ILogger log)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = http => Answer(http, log) });
        app.UseStatusCodePages(context =>
            Results.Problem(WhatWentWrong(context.HttpContext), statusCode: context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));
    }

    private static Task Answer(HttpContext http, ILogger log)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is BadHttpRequestException bad)
        {
            string detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? BodyLimits.TooLarge(http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0)
                : Plain(bad.Message);
            return Results.Problem(detail, statusCode: bad.StatusCode).ExecuteAsync(http);
        }
        log.LogError(error, "unexpected error answering {Method} {Path}", http.Request.Method, http.Request.Path);
        return Results.Problem("an unexpected error; the service log has the details", statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(http);
    }

    /// <summary>A request ASP.NET could not bind (a query value of the wrong type, a missing one), in plain words.</summary>
    private static string Plain(string message)
    {
        if (BindFailed().Match(message) is { Success: true } failed)
            return $"'{failed.Groups["value"].Value}' is not a valid value for '{failed.Groups["name"].Value}'";
        if (Missing().Match(message) is { Success: true } missing)
            return $"'{missing.Groups["name"].Value}' is needed";
        if (message.StartsWith("Unexpected end of request content", StringComparison.Ordinal))
            return "the request body ended before its announced length";
        return "the request is not valid HTTP for this endpoint";
    }

    /// <summary>The detail of an error answer an endpoint or ASP.NET gave without a body.</summary>
    private static string WhatWentWrong(HttpContext http) => http.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => $"there is nothing at {http.Request.Method} {http.Request.Path}",
        StatusCodes.Status405MethodNotAllowed => $"{http.Request.Path} does not take {http.Request.Method}",
        StatusCodes.Status415UnsupportedMediaType => "the body's Content-Type is not one this endpoint takes",
        _ => ReasonPhrases.GetReasonPhrase(http.Response.StatusCode).ToLowerInvariant(),
    };

    [GeneratedRegex("""^Failed to bind parameter "\S+ (?<name>\w+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailed();

    [GeneratedRegex("""^Required parameter "\S+ (?<name>\w+)" was not provided""")]
    private static partial Regex Missing();
}
