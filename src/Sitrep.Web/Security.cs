using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Sitrep.Web;

/// <summary>The server's defences: headers that keep a page's scripts to its own, a body size limit, and the write token.</summary>
public static class Security
{
    /// <summary>Scripts, styles, images and data only from this server; no plugins, no framing, no inline script.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; " +
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static void UseSecurity(this WebApplication app, ServeOptions options) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (context.Request.ContentLength > options.MaxRequestBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = options.MaxRequestBytes;
        // a body sent without a length (chunked) is counted as it is read, whichever server runs the app
        if (context.Request.ContentLength is null) context.Request.Body = new LimitedStream(context.Request.Body, options.MaxRequestBytes);
        await next(context);
    });

    /// <summary>True when the request carries the server's token; compared in constant time.</summary>
    public static bool Authorized(HttpRequest request, string token)
    {
        var header = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[bearer.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }

    /// <summary>A token for writes when the user gives none: 128 random bits, as hex.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
