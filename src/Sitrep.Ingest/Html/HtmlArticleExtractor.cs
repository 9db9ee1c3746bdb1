using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Sitrep.Core.Time;

namespace Sitrep.Ingest.Html;

/// <summary>An article taken from a web page, with where its date came from.</summary>
public sealed record HtmlArticle(string? Title, string? Outlet, string? Author, PartialDate? Published, string? Language, string Body);

/// <summary>
/// Keeps a page's article and drops its furniture, in the manner of readability: elements that are furniture by name
/// or by class and id are removed; paragraphs score their parent and grandparent, discounted by the share of their text
/// that is links; the best container and its strong siblings are kept, and their paragraphs, headings and list items
/// are written in reading order. Metadata comes from JSON-LD, Open Graph and meta tags, then from the page itself.
/// </summary>
public static class HtmlArticleExtractor
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly string[] Furniture = ["script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "iframe", "button", "select", "input", "figure", "header", "menu", "dialog"];
    private static readonly string[] Unlikely = ["comment", "share", "social", "related", "promo", "advert", "cookie", "subscribe", "newsletter", "sidebar", "footer", "breadcrumb", "menu", "popup", "modal", "banner", "widget", "recommend", "sponsor", "outbrain", "taboola", "byline", "author", "tags", "caption", "credit", "masthead", "navbar", "toolbar", "pagination", "disqus", "signup", "paywall"];
    private static readonly string[] Likely = ["article", "content", "body", "main", "post", "entry", "story", "text"];
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase) { "P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "TD", "DD", "DT" };

    public static HtmlArticle Extract(string html)
    {
        var body = Body(html, stripUnlikely: true, out var meta);
        // as readability does: when judging elements by class and id leaves too little, judge again without it
        if (body.Length < 500)
        {
            var second = Body(html, stripUnlikely: false, out _);
            if (second.Length > body.Length) body = second;
        }
        return meta with { Body = body };
    }

    private static string Body(string html, bool stripUnlikely, out HtmlArticle meta)
    {
        using var doc = Parser.ParseDocument(html);
        meta = Metadata(doc);
        foreach (var tag in Furniture) foreach (var e in doc.QuerySelectorAll(tag).ToList()) e.Remove();
        // a form is furniture (search, sign-up) unless the page is built inside one, as ASP.NET pages are
        var pageText = Math.Max(1, Normalise(doc.Body?.TextContent ?? "").Length);
        foreach (var form in doc.QuerySelectorAll("form").ToList()) if (Normalise(form.TextContent).Length * 2 < pageText) form.Remove();
        if (stripUnlikely)
            foreach (var e in doc.Body?.QuerySelectorAll("*").ToList() ?? [])
                if (IsUnlikely(e) && e.ParentElement is not null) e.Remove();
        var top = BestContainer(doc);
        return top is null ? "" : Text(top, doc);
    }

    private static bool IsUnlikely(IElement e)
    {
        var key = ((e.ClassName ?? "") + " " + (e.Id ?? "")).ToLowerInvariant();
        if (key.Length < 2 || e.LocalName is "body" or "html" or "article" or "main") return false;
        if (e.GetAttribute("hidden") is not null || (e.GetAttribute("style") ?? "").Replace(" ", "").Contains("display:none", StringComparison.OrdinalIgnoreCase)) return true;
        return Unlikely.Any(key.Contains) && !Likely.Any(key.Contains);
    }

    private static IElement? BestContainer(IDocument doc)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var p in doc.QuerySelectorAll("p, pre, td, blockquote, li"))
        {
            var text = Normalise(p.TextContent);
            if (text.Length < 25) continue;
            var score = 1 + text.Count(c => c == ',') + Math.Min(text.Length / 100.0, 3);
            if (p.ParentElement is { } parent) scores[parent] = scores.GetValueOrDefault(parent) + score;
            if (p.ParentElement?.ParentElement is { } grand) scores[grand] = scores.GetValueOrDefault(grand) + score / 2;
        }
        // text written straight into a div, lines parted by <br>, counts as paragraphs too
        foreach (var div in doc.QuerySelectorAll("div"))
        {
            var direct = Normalise(string.Concat(div.ChildNodes.Where(n => n.NodeType == NodeType.Text).Select(n => n.TextContent)));
            if (direct.Length < 100) continue;
            scores[div] = scores.GetValueOrDefault(div) + 1 + direct.Count(c => c == ',') + Math.Min(direct.Length / 100.0, 3);
            if (div.ParentElement is { } dp) scores[dp] = scores.GetValueOrDefault(dp) + (1 + Math.Min(direct.Length / 100.0, 3)) / 2;
        }
        if (scores.Count == 0) return doc.Body;
        return scores.Select(kv => (kv.Key, Score: kv.Value * (1 - LinkDensity(kv.Key)))).MaxBy(x => x.Score).Key;
    }

    /// <summary>The container's text, and that of siblings nearly as strong (articles split across several divs).</summary>
    private static string Text(IElement top, IDocument doc)
    {
        var parts = new List<IElement> { top };
        if (top.ParentElement is { } parent)
        {
            var topLength = Normalise(top.TextContent).Length;
            parts = parent.Children.Where(s => s == top || (Normalise(s.TextContent).Length > Math.Max(200, topLength / 4) && LinkDensity(s) < 0.25)).ToList();
        }
        var sb = new StringBuilder();
        foreach (var part in parts) Write(part, sb);
        return sb.ToString().Trim();
    }

    private static void Write(IElement e, StringBuilder sb)
    {
        if (Blocks.Contains(e.TagName) && !e.Children.Any(c => Blocks.Contains(c.TagName)))
        {
            var text = Normalise(e.TextContent);
            if (text.Length == 0) return;
            // a line that is mostly links is navigation, unless it is a long paragraph
            if (LinkDensity(e) > 0.5 && text.Length < 200) return;
            sb.Append(text).Append("\n\n");
            return;
        }
        var loose = new StringBuilder();
        foreach (var node in e.ChildNodes)
        {
            if (node is IElement child)
            {
                if (Blocks.Contains(child.TagName) || child.QuerySelector(string.Join(',', Blocks.Select(b => b.ToLowerInvariant()))) is not null)
                {
                    Flush(loose, sb);
                    Write(child, sb);
                }
                else if (child.TagName is "BR") { Flush(loose, sb); }
                else loose.Append(child.TextContent).Append(' ');
            }
            else if (node.NodeType == NodeType.Text) loose.Append(node.TextContent);
        }
        Flush(loose, sb);
    }

    private static void Flush(StringBuilder loose, StringBuilder sb)
    {
        var text = Normalise(loose.ToString());
        if (text.Length >= 40) sb.Append(text).Append("\n\n");
        loose.Clear();
    }

    private static double LinkDensity(IElement e)
    {
        var all = Normalise(e.TextContent).Length;
        if (all == 0) return 0;
        var links = e.QuerySelectorAll("a").Sum(a => Normalise(a.TextContent).Length);
        return Math.Min(1, (double)links / all);
    }

    private static string Normalise(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static HtmlArticle Metadata(IDocument doc)
    {
        string? Meta(params string[] names) => names.Select(n => doc.QuerySelector($"meta[property='{n}'], meta[name='{n}'], meta[itemprop='{n}']")?.GetAttribute("content"))
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        string? title = null, author = null, outlet = null, published = null;
        foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent);
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
        var heading = Normalise(doc.QuerySelector("h1")?.TextContent ?? "");
        title ??= Meta("og:title", "twitter:title") ?? (heading.Length > 0 ? heading : null);
        title ??= doc.Title is { Length: > 0 } t ? t.Split([" | ", " - ", " — "], StringSplitOptions.None)[0].Trim() : null;
        published ??= Meta("article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "DC.date.issued") ?? doc.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        author ??= Meta("author", "article:author");
        outlet ??= Meta("og:site_name", "application-name");
        var language = doc.DocumentElement.GetAttribute("lang")?.Split('-')[0].ToLowerInvariant();
        return new HtmlArticle(title, outlet, author, ParseDate(published), string.IsNullOrEmpty(language) ? null : language, "");
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
