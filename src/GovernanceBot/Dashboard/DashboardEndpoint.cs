using System.Security.Cryptography;
using System.Text;
using GovernanceBot.Domain.Rendering;
using Microsoft.Extensions.Options;

namespace GovernanceBot.Dashboard;

/// <summary>
/// <c>GET /</c> (HTML), <c>GET /api/processes</c> (JSON) and <c>POST /dashboard/token</c> (the sign-in form). Built from
/// <see cref="DashboardStore"/> alone: a page view costs no GitHub request. Private repositories are shown only to a
/// request that presents <see cref="DashboardOptions.AccessToken"/>, compared in constant time.
/// </summary>
public static class DashboardEndpoint
{
    public const string CookieName = "governance-dashboard";

    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.SectionName));
        services.AddSingleton<RepositoryVisibility>();
        services.AddSingleton<DashboardStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", Page);
        endpoints.MapGet("/api/processes", Json);
        endpoints.MapPost("/dashboard/token", SignInAsync);
        return endpoints;
    }

    private static IResult Page(HttpContext context, DashboardStore store, TimeProvider time, IOptions<DashboardOptions> options) =>
        View(context, store, time, options.Value) is { } view
            ? Results.Content(DashboardPage.Render(view), "text/html; charset=utf-8")
            : Results.NotFound();

    private static IResult Json(HttpContext context, DashboardStore store, TimeProvider time, IOptions<DashboardOptions> options) =>
        View(context, store, time, options.Value) is { } view ? Results.Json(DashboardJson.From(view)) : Results.NotFound();

    private static async Task<IResult> SignInAsync(HttpContext context, IOptions<DashboardOptions> options)
    {
        var o = options.Value;
        if (!o.Enabled) return Results.NotFound();
        if (!context.Request.HasFormContentType) return Results.BadRequest();
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var token = form["token"].ToString();
        if (!Matches(o.AccessToken, token)) return Results.Redirect("/", permanent: false);
        context.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            MaxAge = TimeSpan.FromDays(30),
        });
        return Results.Redirect("/", permanent: false);
    }

    private static DashboardView? View(HttpContext context, DashboardStore store, TimeProvider time, DashboardOptions o)
    {
        if (!o.Enabled) return null;
        var login = context.Request.Query["login"].ToString().Trim();
        if (login.Length > 39) login = login[..39];
        return DashboardView.Build(store.Snapshot(), time.GetUtcNow(), login, ShowsPrivate(context.Request, o), !string.IsNullOrEmpty(o.AccessToken));
    }

    /// <summary>True when the request presents the configured token as a bearer header or in the sign-in cookie.</summary>
    public static bool ShowsPrivate(HttpRequest request, DashboardOptions o)
    {
        var header = request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        return Matches(o.AccessToken, bearer) || Matches(o.AccessToken, request.Cookies[CookieName]);
    }

    /// <summary>Constant-time comparison of digests, so neither the content nor the length of the token leaks through timing.</summary>
    public static bool Matches(string? expected, string? presented)
    {
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(presented)) return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }
}
