using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AnkiMcp.Mcp;

/// <summary>Middleware that keeps browsers on foreign sites and callers without the token out of the HTTP endpoint.</summary>
internal static class HttpGuards
{
    /// <summary>403 for a request whose Origin is neither loopback nor an allowed host (the spec's DNS-rebinding rule); no Origin passes.</summary>
    public static IApplicationBuilder UseOriginCheck(this IApplicationBuilder app, IReadOnlyCollection<string> allowedHosts) =>
        app.Use(async (context, next) =>
        {
            string? origin = context.Request.Headers.Origin;
            if (!string.IsNullOrEmpty(origin) && !IsAllowedOrigin(origin, allowedHosts))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(
                    new { jsonrpc = "2.0", error = new { code = -32600, message = $"Forbidden: origin '{origin}' may not use this server." } },
                    context.RequestAborted);
                return;
            }

            await next(context);
        });

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c> unless the request carries the token.</summary>
    public static IApplicationBuilder UseBearerToken(this IApplicationBuilder app, string token)
    {
        byte[] expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return app.Use(async (context, next) =>
        {
            string? header = context.Request.Headers.Authorization;
            byte[] given = header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()))
                : [];
            if (!CryptographicOperations.FixedTimeEquals(expected, given))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await context.Response.WriteAsync("Unauthorized: send 'Authorization: Bearer <token>' with the token from ANKIMCP_HTTP_TOKEN.", context.RequestAborted);
                return;
            }

            await next(context);
        });
    }

    private static bool IsAllowedOrigin(string origin, IReadOnlyCollection<string> allowedHosts) =>
        Uri.TryCreate(origin, UriKind.Absolute, out Uri? uri)
        && uri.Scheme is "http" or "https"
        && (uri.IsLoopback || allowedHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase));
}
