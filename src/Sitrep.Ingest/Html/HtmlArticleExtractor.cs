using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Core.Time;

namespace Sitrep.Ingest.Html;

/// <summary>An article taken from a web page, with where its date came from.</summary>
/// <param name="Url">The page's canonical address (link rel=canonical, else og:url), when it names one.</param>
/// <param name="PublishedFrom">Where <paramref name="Published"/> was found: the page's metadata, or a date line shown on the page (<see cref="DateSource.Header"/>).</param>
public sealed record HtmlArticle(string? Title, string? Outlet, string? Author, PartialDate? Published, string? Language, string Body, string? Url = null,
    DateSource PublishedFrom = DateSource.HtmlMeta);

/// <summary>
/// Keeps a page's article and drops its furniture, in the manner of readability: elements that are furniture by name
/// or by class and id are removed; paragraphs score their parent and grandparent, discounted by the share of their text
/// that is links; the best container and its strong siblings are kept, and their paragraphs, headings and list items
/// are written in reading order. Metadata comes from JSON-LD, Open Graph and meta tags, then from the page itself.
/// </summary>
public static class HtmlArticleExtractor
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal) { "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd", "dt" };
    private static readonly HashSet<string> Paragraphs = new(StringComparer.Ordinal) { "p", "pre", "td", "blockquote", "li" };
    /// <summary>Past this depth an element is written as one run of text, so writing never recurses without bound.</summary>
    private const int WriteDepth = 1024;

    public static HtmlArticle Extract(string html)
    {
        var tree = HtmlTreeBuilder.Parse(html);
        var meta = Metadata(tree);
        var removed = Removed(tree);
        var body = Body(tree, removed, stripUnlikely: true);
        // as readability does: when judging elements by class and id leaves too little, judge again without it
        if (body.Length < 500)
        {
            var second = Body(tree, removed, stripUnlikely: false);
            if (second.Length > body.Length) body = second;
        }
        return meta with { Body = body };
    }

    /// <summary>
    /// Furniture by name, and forms that are furniture (search, sign-up) unless the page is built inside one, as ASP.NET
    /// pages are.
    /// </summary>
    private static bool[] Removed(PageTree tree)
    {
        var removed = WithDescendants(tree, i => tree.Furniture[i]);
        var whole = new PageText(tree, removed, Blocks);
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

    private static string Body(PageTree tree, bool[] removed, bool stripUnlikely)
    {
        var excluded = WithDescendants(tree, i => removed[i] || (stripUnlikely && tree.Unlikely[i]));
        var text = new PageText(tree, excluded, Blocks);
        var top = BestContainer(tree, text);
        return top < 0 ? "" : Text(tree, text, top);
    }

    private static int BestContainer(PageTree tree, PageText text)
    {
        var scores = new Dictionary<int, double>();
        void Add(int element, double score) { if (element >= 0) scores[element] = scores.GetValueOrDefault(element) + score; }
        for (var i = 0; i < tree.Count; i++)
        {
            if (text.Excluded[i] || !Paragraphs.Contains(tree.Tag[i])) continue;
            var length = text.Length(i);
            if (length < 25) continue;
            var score = 1 + text.Commas[i] + Math.Min(length / 100.0, 3);
            Add(tree.Parent[i], score);
            if (tree.Parent[i] >= 0) Add(tree.Parent[tree.Parent[i]], score / 2);
        }
        // text written straight into a div, lines parted by <br>, counts as paragraphs too
        for (var i = 0; i < tree.Count; i++)
        {
            if (text.Excluded[i] || tree.Tag[i] != "div") continue;
            var direct = text.DirectLength(i);
            if (direct < 100) continue;
            Add(i, 1 + text.DirectCommas[i] + Math.Min(direct / 100.0, 3));
            Add(tree.Parent[i], (1 + Math.Min(direct / 100.0, 3)) / 2);
        }
        if (scores.Count == 0) return tree.Body;
        return scores.MaxBy(kv => kv.Value * (1 - text.LinkDensity(kv.Key))).Key;
    }

    /// <summary>The container's text, and that of siblings nearly as strong (articles split across several divs).</summary>
    private static string Text(PageTree tree, PageText text, int top)
    {
        var sb = new StringBuilder();
        var parent = tree.Parent[top];
        if (parent < 0) { Write(tree, text, top, sb, 0); return sb.ToString().Trim(); }
        var topLength = text.Length(top);
        foreach (var s in tree.Children(parent))
        {
            if (text.Excluded[s] || tree.IsText(s)) continue;
            if (s == top || (text.Length(s) > Math.Max(200, topLength / 4) && text.LinkDensity(s) < 0.25)) Write(tree, text, s, sb, 0);
        }
        return sb.ToString().Trim();
    }

    private static void Write(PageTree tree, PageText text, int e, StringBuilder sb, int depth)
    {
        if ((Blocks.Contains(tree.Tag[e]) && !text.HasBlockChild[e]) || depth > WriteDepth)
        {
            var content = Normalise(text.Gather(e));
            if (content.Length == 0) return;
            // a line that is mostly links is navigation, unless it is a long paragraph
            if (text.LinkDensity(e) > 0.5 && content.Length < 200) return;
            sb.Append(content).Append("\n\n");
            return;
        }
        var loose = new StringBuilder();
        foreach (var child in tree.Children(e))
        {
            if (text.Excluded[child]) continue;
            if (tree.IsText(child)) loose.Append(tree.Text[child]);
            else if (text.HoldsBlock[child])
            {
                Flush(loose, sb);
                Write(tree, text, child, sb, depth + 1);
            }
            else if (tree.Tag[child] == "br") Flush(loose, sb);
            else loose.Append(text.Gather(child)).Append(' ');
        }
        Flush(loose, sb);
    }

    private static void Flush(StringBuilder loose, StringBuilder sb)
    {
        var text = Normalise(loose.ToString());
        if (text.Length >= 40) sb.Append(text).Append("\n\n");
        loose.Clear();
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
        var heading = page.FirstHeading >= 0 ? Normalise(tree.AllText(page.FirstHeading)) : "";
        title ??= Meta("og:title", "twitter:title") ?? (heading.Length > 0 ? heading : null);
        title ??= page.Title is { } t && Normalise(t) is { Length: > 0 } whole ? whole.Split([" | ", " - ", " — "], StringSplitOptions.None)[0].Trim() : null;
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
            var text = Normalise(tree.AllText(element));
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
