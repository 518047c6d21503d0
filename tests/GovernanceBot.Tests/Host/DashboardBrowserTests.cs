using GovernanceBot.Tests.Fakes;
using Microsoft.Playwright;

namespace GovernanceBot.Tests.Host;

/// <summary>The dashboard in Debian's Chromium (never a downloaded browser), served by the in-process host through request routing.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class DashboardBrowserTests(GitHubBehindPrism wire)
{
    public const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_dashboard_fits_375_px_without_horizontal_scrolling_and_shows_the_open_process()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (.ci/run does it as root)");
        await using var app = await GovernanceApp.StartAsync(wire);
        await app.LabelAsync("rfc", by: "dana");
        await app.SettleAsync(() => app.Has("governance/discussion"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 375, Height = 800 } });
        var client = app.Host.CreateClient();
        await page.RouteAsync("http://dashboard.test/**", async route =>
        {
            var body = await client.GetStringAsync(new Uri(route.Request.Url).PathAndQuery);
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = body });
        });
        await page.GotoAsync("http://dashboard.test/");

        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 375);
        Assert.Contains("Discussion", await page.InnerTextAsync("#open"));
        var results = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(results);
        await page.ScreenshotAsync(new() { Path = Path.Combine(results, "dashboard-375.png"), FullPage = true });
    }
}
