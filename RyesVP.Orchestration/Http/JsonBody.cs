using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace RyesVP.Orchestration.Http;

/// <summary>
/// A JSON response written with <see cref="RyesVPJson.Options"/> and nothing else, so both hosts produce the same
/// bytes without depending on MVC formatter configuration.
/// </summary>
public sealed class JsonBody(object body, int statusCode = StatusCodes.Status200OK, IReadOnlyDictionary<string, string>? headers = null) : IActionResult
{
    public object Body { get; } = body;

    public int StatusCode { get; } = statusCode;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = "application/json; charset=utf-8";
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        await JsonSerializer.SerializeAsync(response.Body, Body, Body.GetType(), RyesVPJson.Options, context.HttpContext.RequestAborted);
    }

    public static JsonBody Error(int status, string message, object? extra = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var body = new Dictionary<string, object?> { ["error"] = message };
        if (extra is not null)
        {
            foreach (var p in JsonSerializer.SerializeToElement(extra, RyesVPJson.Options).EnumerateObject())
            {
                body[p.Name] = p.Value;
            }
        }

        return new JsonBody(body, status, headers);
    }
}
