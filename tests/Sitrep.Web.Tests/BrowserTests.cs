using Microsoft.Playwright;

namespace Sitrep.Web.Tests;

/// <summary>
/// The web UI in a real browser: Debian's Chromium at /usr/bin/chromium (or $SITREP_CHROMIUM), driven by Playwright.
/// Without a browser the tests are skipped with a message, except in CI (CI=true), where they must run.
/// </summary>
[Collection(SamplesCollection.Name)]
public sealed class BrowserTests(ServedSamples samples) : IAsyncLifetime
{
    private static readonly string Chromium = Environment.GetEnvironmentVariable("SITREP_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private string _address = "";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium)) return;
        (_app, _address) = samples.OnSocket();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }

    private async Task<IPage> Open(string path)
    {
        if (!File.Exists(Chromium))
        {
            Assert.False(InCi, $"CI=true but no browser at {Chromium}: .ci/run installs Debian's chromium");
            Skip.If(true, $"no browser at {Chromium} (apt-get install chromium, or set SITREP_CHROMIUM); browser tests skipped");
        }
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(_address + path);
        return page;
    }

    /// <summary>Where screenshots go when SITREP_SCREENSHOTS names a folder (to look at them); otherwise none are taken.</summary>
    private static async Task Shot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SITREP_SCREENSHOTS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
        }
    }

    [SkippableFact]
    public async Task The_timeline_lists_the_samples_events_and_one_opens_with_both_sides_claims()
    {
        var page = await Open("/");
        await page.Locator(".event").First.WaitForAsync();
        var count = await page.Locator(".event").CountAsync();
        Assert.True(count >= 10, $"the timeline shows {count} events");
        Assert.Contains("evacuation", await page.Locator("ol#events").InnerTextAsync());
        await Shot(page, "timeline");

        // the event with reports from both sides: a Ukrainian and a Russian source
        var multi = page.Locator(".event").Filter(new LocatorFilterOptions { HasText = "2 reports" }).First;
        await multi.Locator("a.event-link").ClickAsync();
        await page.WaitForURLAsync("**/event.html?id=*");
        await page.Locator(".report").First.WaitForAsync();
        Assert.True(await page.Locator(".report").CountAsync() >= 2);
        // one article may set both sides' accounts side by side: each report quotes its own claim
        var quotes = await page.Locator(".report blockquote").AllInnerTextsAsync();
        Assert.All(quotes, q => Assert.False(string.IsNullOrWhiteSpace(q)));
        Assert.Equal(quotes.Count, quotes.Distinct().Count());
        await Shot(page, "event");
    }

    [SkippableFact]
    public async Task The_map_shows_markers_on_country_outlines()
    {
        var page = await Open("/map.html");
        await page.Locator("path.event-marker").First.WaitForAsync();
        Assert.True(await page.Locator("path.event-marker").CountAsync() >= 1);
        await page.WaitForFunctionAsync("document.querySelectorAll('.leaflet-overlay-pane path').length > 50");
        await page.Locator("path.event-marker").First.ClickAsync(new LocatorClickOptions { Force = true });
        await page.Locator(".leaflet-popup-content a").First.WaitForAsync();
        await Shot(page, "map");
    }

    [SkippableFact]
    public async Task An_article_with_script_and_onerror_renders_inert()
    {
        var page = await Open("/documents.html");
        await page.GetByRole(AriaRole.Link, new() { Name = ServedSamples.HostileTitle }).ClickAsync();
        await page.Locator(".body").WaitForAsync();
        var text = await page.Locator(".body").InnerTextAsync();
        Assert.Contains("<script>", text);
        Assert.Contains("onerror=", text);
        Assert.Equal(0, await page.Locator(".body script, .body img").CountAsync());
        await page.WaitForTimeoutAsync(300);
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__sitrepPwned ?? null"));
        Assert.True(await page.Locator(".body .mention").CountAsync() > 0, "the article's names are highlighted");
        await Shot(page, "document");

        // its event on the timeline, whose summary holds the same markup, is inert too
        await page.GotoAsync(_address + "/?q=Kherson");
        await page.Locator(".event").First.WaitForAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__sitrepPwned ?? null"));
    }

    [SkippableFact]
    public async Task The_entity_page_shows_spellings_and_the_correction_control()
    {
        var page = await Open("/entities.html");
        await page.Locator("#filters input[name=q]").FillAsync("Zelenskiy");
        await page.Locator("#filters button").ClickAsync();
        await page.Locator("#entities a").First.ClickAsync();
        await page.Locator("table.aliases tbody tr").First.WaitForAsync();
        Assert.True(await page.Locator("table.aliases tbody tr").CountAsync() >= 2);
        Assert.True(await page.Locator(".corrections button").CountAsync() >= 1);
        await Shot(page, "entity");
    }
}
