using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;

namespace RyesVP.Orchestration.Http;

/// <summary>
/// Authorization: Bearer CRON_SECRET on every route. Compared in constant time (hashes of equal length, so the
/// secret's length does not leak either); fails closed when the secret is unset. Neither is ever logged.
/// </summary>
public sealed class CronAuth(IConfiguration configuration)
{
    public const string SecretSetting = "CRON_SECRET";

    /// <summary>Null when the request may proceed, otherwise the response to send.</summary>
    public IActionResult? Check(HttpRequest request)
    {
        var secret = configuration[SecretSetting];
        if (string.IsNullOrEmpty(secret))
        {
            return JsonBody.Error(StatusCodes.Status500InternalServerError, "Server misconfigured: CRON_SECRET not set");
        }

        var header = request.Headers.Authorization.Count == 1 ? request.Headers.Authorization[0] ?? string.Empty : string.Empty;
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes("Bearer " + secret));
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header));
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return JsonBody.Error(StatusCodes.Status401Unauthorized, "Unauthorized", headers: new Dictionary<string, string>
            {
                ["WWW-Authenticate"] = "Bearer realm=\"ryesvp-cron\"",
            });
        }

        return null;
    }
}
