using System.Globalization;
using System.Text.Json;
using Sitrep.Core.Time;

namespace Sitrep.Ingest.Html;

/// <summary>An article taken from a web page, with where its date came from.</summary>
/// <param name="Url">The page's canonical address (link rel=canonical, else og:url), when it names one.</param>
/// <param name="PublishedFrom">Where <paramref name="Published"/> was found: the page's metadata, or a date line shown on the page (<see cref="DateSource.Header"/>).</param>
public sealed record HtmlArticle(string? Title, string? Outlet, string? Author, PartialDate? Published, string? Language, string Body, string? Url = null,
    DateSource PublishedFrom = DateSource.HtmlMeta);

/// <summary>
/// Keeps a page's article and drops its furniture: elements that are furniture by name or by class and id are removed,
/// and <see cref="ArticleBody"/> finds the article in what is left. Metadata comes from JSON-LD, Open Graph and meta
/// tags, then from the page itself.
/// </summary>
public static class HtmlArticleExtractor
{
    public static HtmlArticle Extract(string html, ExtractionSettings? settings = null)
    {
        var tree = HtmlTreeBuilder.Parse(html);
        return Metadata(tree) with { Body = Bodies(tree, [settings ?? ExtractionSettings.Default])[0] };
    }

    /// <summary>The article's text in a page parsed by another parser into the same arrays (for comparing parsers).</summary>
    internal static string Body(PageTree tree) => Bodies(tree, [ExtractionSettings.Default])[0];

    /// <summary>The article's text under each of several settings, from one parse of the page (for tuning them).</summary>
    public static IReadOnlyList<string> ExtractBodies(string html, IReadOnlyList<ExtractionSettings> settings) =>
        Bodies(HtmlTreeBuilder.Parse(html), settings);

    private static string[] Bodies(PageTree tree, IReadOnlyList<ExtractionSettings> settings)
    {
        var removed = Removed(tree);
        var strict = new ArticleBody(tree, WithDescendants(tree, i => removed[i] || tree.Unlikely[i]));
        ArticleBody? lenient = null;
        var bodies = new string[settings.Count];
        for (var k = 0; k < settings.Count; k++)
        {
            bodies[k] = strict.Write(settings[k]);
            // as readability does: when judging elements by class and id leaves too little, judge again without it
            if (bodies[k].Length >= 500) continue;
            lenient ??= new ArticleBody(tree, removed);
            var second = lenient.Write(settings[k]);
            if (second.Length > bodies[k].Length) bodies[k] = second;
        }
        return bodies;
    }

    /// <summary>
    /// Furniture by name, and forms that are furniture (search, sign-up) unless the page is built inside one, as ASP.NET
    /// pages are.
    /// </summary>
    private static bool[] Removed(PageTree tree)
    {
        var removed = WithDescendants(tree, i => tree.Furniture[i]);
        var whole = new PageText(tree, removed, ArticleBody.Blocks);
        var pageText = Math.Max(1, whole.Length(tree.Body));
        for (var i = 0; i < tree.Count; i++)
            if (!removed[i] && tree.Tag[i] == "form" && whole.Length(i) * 2 < pageText) removed[i] = true;
        return removed;
    }

    /// <summary>The nodes <paramref name="flagged"/> picks and everything inside them (parents come before their children).</summary>
    private static bool[] WithDescendants(PageTree tree, Func<int, bool> flagged)
    {
        var result = new bool[tree.Count];
        for (var i = 0; i < tree.Count; i++) result[i] = flagged(i) || (tree.Parent[i] >= 0 && result[tree.Parent[i]]);
        return result;
    }

    private static HtmlArticle Metadata(PageTree tree)
    {
        var page = tree.Metadata;
        string? Meta(params string[] names) => names.Select(page.Meta.GetValueOrDefault).FirstOrDefault(v => v is not null);
        string? title = null, author = null, outlet = null, published = null;
        foreach (var script in page.JsonLd)
        {
            try
            {
                using var json = JsonDocument.Parse(script);
                foreach (var item in Flatten(json.RootElement))
                {
                    title ??= Str(item, "headline");
                    published ??= Str(item, "datePublished");
                    author ??= item.TryGetProperty("author", out var a) ? (a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().Select(x => Str(x, "name") ?? (x.ValueKind == JsonValueKind.String ? x.GetString() : null)).FirstOrDefault(x => x is not null) : Str(a, "name") ?? (a.ValueKind == JsonValueKind.String ? a.GetString() : null)) : null;
                    outlet ??= item.TryGetProperty("publisher", out var p) ? Str(p, "name") : null;
                }
            }
            catch (JsonException) { }
        }
        var heading = page.FirstHeading >= 0 ? ArticleBody.Normalise(tree.AllText(page.FirstHeading)) : "";
        title ??= Meta("og:title", "twitter:title") ?? (heading.Length > 0 ? heading : null);
        title ??= page.Title is { } t && ArticleBody.Normalise(t) is { Length: > 0 } whole ? whole.Split([" | ", " - ", " — "], StringSplitOptions.None)[0].Trim() : null;
        published ??= Meta("article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "DC.date.issued") ?? page.TimeDatetime;
        author ??= Meta("author", "article:author");
        outlet ??= Meta("og:site_name", "application-name");
        var language = page.Language?.Split('-')[0].ToLowerInvariant();
        var url = page.Canonical ?? Meta("og:url");
        var date = ParseDate(published);
        var from = DateSource.HtmlMeta;
        if (date is null && DateLine(tree) is { } shown) (date, from) = (shown, DateSource.Header);
        return new HtmlArticle(title, outlet, author, date, string.IsNullOrEmpty(language) ? null : language, "",
            Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.AbsoluteUri : null, from);
    }

    /// <summary>A full date (day and year) shown in a short element marked as a date: "Published 12 March 2025, 17:40".</summary>
    private static PartialDate? DateLine(PageTree tree)
    {
        foreach (var element in tree.Metadata.DateLines)
        {
            var text = ArticleBody.Normalise(tree.AllText(element));
            if (text.Length is 0 or > 80) continue;
            var scan = Sitrep.Text.Time.CalendarScanner.Scan(text);
            if (scan.Dates.FirstOrDefault(d => d.Date is { Year: not null, Day: not null }) is not { Span.Length: > 0 } found) continue;
            return scan.Times.Count > 0 && found.Date.Hour is null ? found.Date with { Hour = scan.Times[0].Hour, Minute = scan.Times[0].Minute } : found.Date;
        }
        return null;
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Array) { foreach (var x in e.EnumerateArray()) foreach (var y in Flatten(x)) yield return y; yield break; }
        if (e.ValueKind != JsonValueKind.Object) yield break;
        yield return e;
        if (e.TryGetProperty("@graph", out var graph)) foreach (var y in Flatten(graph)) yield return y;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>ISO 8601 dates and date-times as pages write them, cut to what they give.</summary>
    public static PartialDate? ParseDate(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
            return s.Length > 10 && s.Contains(':') ? new PartialDate(dto.Year, dto.Month, dto.Day, dto.Hour, dto.Minute) : new PartialDate(dto.Year, dto.Month, dto.Day);
        return null;
    }
}
