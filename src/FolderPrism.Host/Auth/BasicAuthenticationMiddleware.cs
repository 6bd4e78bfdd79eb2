using System.Globalization;
using System.Security.Claims;
using FolderPrism.Core.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Host.Auth;

/// <summary>
/// HTTP Basic authentication and role enforcement for everything behind it (WebDAV).
/// OPTIONS passes anonymously (Windows probes it before sending credentials); viewers get 403 on
/// every write method here, so the WebDAV layer never has to re-check roles.
/// </summary>
internal sealed partial class BasicAuthenticationMiddleware(
    RequestDelegate next, BasicAuthenticator authenticator, LoginThrottle throttle, ILogger<BasicAuthenticationMiddleware> logger)
{
    public const string Challenge = "Basic realm=\"FolderPrism\"";
    public const string AuthenticationType = "Basic";

    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            await next(context);
            return;
        }

        if (!BasicCredentials.TryParse(context.Request.Headers.Authorization, out var credentials))
        {
            Unauthorized(context);
            return;
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.RetryAfter(address, credentials.UserName) is { } wait)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return;
        }

        var user = await authenticator.AuthenticateAsync(credentials.UserName, credentials.Password, context.RequestAborted);
        if (user is null)
        {
            var lockout = throttle.RecordFailure(address, credentials.UserName);
            LogFailure(address, Printable(credentials.UserName), lockout.TotalSeconds);
            Unauthorized(context);
            return;
        }

        throttle.RecordSuccess(user.Name);
        context.User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, RoleNames.Of(user.Role))],
            AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));

        if (user.Role == UserRole.Viewer && WriteMethods.Contains(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await next(context);
    }

    private static void Unauthorized(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = Challenge;
    }

    /// <summary>User names come from the client: keep log lines single-line and bounded.</summary>
    private static string Printable(string name)
    {
        var cleaned = new string([.. name.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
        return name.Length > 64 ? cleaned + "…" : cleaned;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Failed login from {Address} as user {UserName} (lock-out now {LockoutSeconds} s)")]
    private partial void LogFailure(string address, string userName, double lockoutSeconds);
}
