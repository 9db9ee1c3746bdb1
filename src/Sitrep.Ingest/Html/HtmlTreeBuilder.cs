using System.Net;

namespace Sitrep.Ingest.Html;

/// <summary>
/// Parses HTML straight into a <see cref="PageTree"/>: one forward scan over the text, tags found with vectorised
/// searches, no DOM. It follows HTML's tree-building rules where they decide which text belongs to which block (void
/// elements, end tags implied by the next p, li, dd, dt, tr, td, option or heading, stray end tags ignored, raw text
/// in scripts and styles, an implied head and body) and leaves out what an article reader never needs (the adoption
/// agency's repair of misnested formatting, foster parenting in tables). Elements past <see cref="MaxDepth"/> add no
/// depth, as browsers cap it (Blink at 512), so a page of 100,000 nested divs costs no more than a flat one.
/// </summary>
internal sealed class HtmlTreeBuilder
{
    public const int MaxDepth = 512;

    private static readonly HashSet<string> Void = Set("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame");
    private static readonly HashSet<string> RawText = Set("script", "style", "xmp", "iframe", "noembed", "noframes", "noscript");
    private static readonly HashSet<string> Escapable = Set("title", "textarea");
    private static readonly HashSet<string> InHead = Set("title", "meta", "link", "script", "style", "base", "noscript", "template", "basefont", "bgsound");
    private static readonly HashSet<string> FurnitureTags = Set("script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "iframe", "button", "select", "input", "figure", "header", "menu", "dialog");
    private static readonly HashSet<string> ClosesParagraph = Set(
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li", "dd", "dt",
        "listing", "plaintext", "xmp");
    private static readonly HashSet<string> Headings = Set("h1", "h2", "h3", "h4", "h5", "h6");
    private static readonly HashSet<string> ButtonScope = Set("button", "table", "td", "th", "caption", "marquee", "object", "applet", "html", "body", "template");
    private static readonly HashSet<string> ListScope = Set("ul", "ol", "menu", "table", "td", "th", "body", "html");
    private static readonly HashSet<string> DefinitionScope = Set("dl", "table", "td", "th", "body", "html");
    private static readonly HashSet<string> RowScope = Set("table", "tbody", "thead", "tfoot", "body", "html");
    private static readonly HashSet<string> CellScope = Set("tr", "table", "body", "html");
    private static readonly HashSet<string> LinkScope = Set("td", "th", "table", "body", "html");
    private static readonly HashSet<string> NoScope = Set("html");
    private static readonly HashSet<string> Kept = Set("class", "id", "style", "hidden", "lang", "property", "name", "itemprop", "content", "datetime", "type", "rel", "href");
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KeptNames = Kept.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly string[] UnlikelyWords = ["comment", "share", "social", "related", "promo", "advert", "cookie", "subscribe", "newsletter", "sidebar", "footer", "breadcrumb", "menu", "popup", "modal", "banner", "widget", "recommend", "sponsor", "outbrain", "taboola", "byline", "author", "tags", "caption", "credit", "masthead", "navbar", "toolbar", "pagination", "disqus", "signup", "paywall"];
    private static readonly string[] LikelyWords = ["article", "content", "body", "main", "post", "entry", "story", "text"];

    /// <summary>Tag names seen before, so each is allocated once per process, not once per tag.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> NameLookup =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);

    private readonly string html;
    private readonly PageTree tree = new();
    private readonly List<int> open = [];
    /// <summary>How many elements of each name are open: most searches of the open stack are answered "none" without one.</summary>
    private readonly Dictionary<string, int> openByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> attributes = new(StringComparer.Ordinal);
    private int head = -1;
    /// <summary>Open svg or math elements: inside them a self-closing tag closes itself, and a title is not the page's.</summary>
    private int foreign;

    private HtmlTreeBuilder(string html) => this.html = html;

    public static PageTree Parse(string html) => new HtmlTreeBuilder(html).Build();

    private PageTree Build()
    {
        Push(tree.Add(-1, "html", null, false, false));
        var s = html.AsSpan();
        var pos = 0;
        while (pos < s.Length)
        {
            var lt = s[pos..].IndexOf('<');
            if (lt < 0) { AddText(pos, s.Length); break; }
            if (lt > 0) AddText(pos, pos + lt);
            pos += lt;
            if (pos + 1 >= s.Length) { AddText(pos, s.Length); break; }
            var next = s[pos + 1];
            if (s[pos..].StartsWith("<!--")) pos = After(pos + 4, "-->");
            else if (s[pos..].StartsWith("<![CDATA[")) pos = After(pos + 9, "]]>");
            else if (next is '!' or '?') pos = After(pos + 2, ">");
            else if (next == '/' && pos + 2 < s.Length && char.IsAsciiLetter(s[pos + 2]))
            {
                var nameEnd = NameEnd(pos + 2);
                var name = Name(pos + 2, nameEnd);
                pos = Attributes(nameEnd, out _);
                EndTag(name);
            }
            else if (next == '/') pos = After(pos + 2, ">");
            else if (char.IsAsciiLetter(next))
            {
                var nameEnd = NameEnd(pos + 1);
                var name = Name(pos + 1, nameEnd);
                pos = Attributes(nameEnd, out var selfClosing);
                pos = StartTag(name, selfClosing, pos);
            }
            else { AddText(pos, pos + 1); pos++; }
        }
        if (tree.Body < 0) OpenBody();
        while (open.Count > 0) Pop();
        return tree;
    }

    private int Current => open[^1];

    /// <param name="opensBody">Text before the body opens it, except the text of a head element such as the title.</param>
    private void AddText(int from, int to, bool opensBody = true)
    {
        var span = html.AsSpan(from, to - from);
        if (tree.Body < 0 && opensBody)
        {
            if (span.IsWhiteSpace()) return;
            OpenBody();
        }
        var text = span.Contains('&') ? WebUtility.HtmlDecode(span.ToString()) : span.ToString();
        tree.Add(Current, "", text, false, false);
    }

    private int StartTag(string name, bool selfClosing, int pos)
    {
        switch (name)
        {
            case "html":
                tree.Metadata.Language ??= Attribute("lang");
                return pos;
            case "head":
                if (head < 0 && tree.Body < 0) { head = tree.Add(Current, name, null, false, false); Push(head); }
                return pos;
            case "body":
                if (tree.Body < 0) OpenBody();
                return pos;
        }
        if (tree.Body < 0 && !InHead.Contains(name)) OpenBody();
        if (ClosesParagraph.Contains(name)) CloseInScope("p", ButtonScope);
        if (name == "li") CloseInScope("li", ListScope);
        else if (name is "dd" or "dt") { CloseInScope("dd", DefinitionScope); CloseInScope("dt", DefinitionScope); }
        else if (name == "tr") CloseInScope("tr", RowScope);
        else if (name is "td" or "th") { CloseInScope("td", CellScope); CloseInScope("th", CellScope); }
        else if (name == "a") CloseInScope("a", LinkScope);
        else if (name == "option" && tree.Tag[Current] == "option") Pop();
        if (Headings.Contains(name) && Headings.Contains(tree.Tag[Current])) Pop();

        var furniture = FurnitureTags.Contains(name);
        var unlikely = tree.Body >= 0 && IsUnlikely(name, Attribute("class"), Attribute("id"), attributes.ContainsKey("hidden"), Attribute("style"));
        var element = tree.Add(Current, name, null, furniture, unlikely);
        Capture(name, element);
        var foreignRoot = name is "svg" or "math";
        // void elements never hold anything; in svg and math a self-closing tag closes itself
        if (Void.Contains(name) || (selfClosing && (foreign > 0 || foreignRoot)) || open.Count >= MaxDepth) return pos;
        Push(element);
        if (foreignRoot) foreign++;

        if (RawText.Contains(name) || Escapable.Contains(name))
        {
            var end = html.IndexOf("</" + name, pos, StringComparison.OrdinalIgnoreCase);
            if (end < 0) end = html.Length;
            if (name == "script" && Attribute("type") is { } type && type.Trim().Equals("application/ld+json", StringComparison.OrdinalIgnoreCase))
                tree.Metadata.JsonLd.Add(html[pos..end]);
            if (Escapable.Contains(name) && end > pos)
            {
                AddText(pos, end, opensBody: false);
                if (name == "title" && foreign == 0) tree.Metadata.Title ??= tree.Text[^1];
            }
            return end;
        }
        if (name == "plaintext") { AddText(pos, html.Length); return html.Length; }
        return pos;
    }

    private void Capture(string name, int element)
    {
        var meta = tree.Metadata;
        if (name == "meta" && Attribute("content") is { } content && !string.IsNullOrWhiteSpace(content))
            foreach (var key in (ReadOnlySpan<string>)["property", "name", "itemprop"])
                if (Attribute(key) is { } n) meta.Meta.TryAdd(n, content.Trim());
        if (name == "link" && meta.Canonical is null && Attribute("rel") is { } rel && rel.Trim().Equals("canonical", StringComparison.OrdinalIgnoreCase)) meta.Canonical = Attribute("href")?.Trim();
        if (name == "time" && meta.TimeDatetime is null) meta.TimeDatetime = Attribute("datetime");
        if (name == "h1" && meta.FirstHeading < 0) meta.FirstHeading = element;
        if (meta.DateLines.Count < 5 && tree.Body >= 0 && IsDateLine()) meta.DateLines.Add(element);
    }

    private void EndTag(string name)
    {
        switch (name)
        {
            // the rest of the page stays in the body, as browsers keep it
            case "html" or "body": return;
            case "br":
                if (tree.Body < 0) OpenBody();
                tree.Add(Current, "br", null, false, false);
                return;
            case "head":
                if (head >= 0 && IsOpen("head")) while (tree.Tag[Current] != "head") Pop();
                if (IsOpen("head")) Pop();
                return;
        }
        if (!IsOpen(name)) return;
        for (var i = open.Count - 1; i > 0; i--)
        {
            if (tree.Tag[open[i]] != name) continue;
            while (open.Count > i) Pop();
            return;
        }
    }

    /// <summary>Closes the innermost open <paramref name="name"/>, unless a scope boundary comes first.</summary>
    private void CloseInScope(string name, HashSet<string> boundaries)
    {
        if (!IsOpen(name)) return;
        for (var i = open.Count - 1; i > 0; i--)
        {
            var tag = tree.Tag[open[i]];
            if (tag == name) { while (open.Count > i) Pop(); return; }
            if (boundaries.Contains(tag)) return;
        }
    }

    private void OpenBody()
    {
        while (IsOpen("head")) Pop();
        tree.Body = tree.Add(Current, "body", null, false, false);
        Push(tree.Body);
    }

    private void Push(int element)
    {
        open.Add(element);
        var name = tree.Tag[element];
        openByName[name] = openByName.GetValueOrDefault(name) + 1;
    }

    private bool IsOpen(string name) => openByName.GetValueOrDefault(name) > 0;

    private void Pop()
    {
        var element = open[^1];
        open.RemoveAt(open.Count - 1);
        openByName[tree.Tag[element]]--;
        tree.End[element] = tree.Count;
        if (tree.Tag[element] is "svg" or "math") foreign--;
    }

    /// <summary>Never article text by its name (scripts, navigation, forms' controls, figures…).</summary>
    internal static bool IsFurniture(string name) => FurnitureTags.Contains(name);

    /// <summary>Furniture by class, id or hidden state (readability's "unlikely candidates").</summary>
    internal static bool IsUnlikely(string name, string? cls, string? id, bool hidden, string? style)
    {
        if (name is "body" or "html" or "article" or "main") return false;
        if (cls is null && id is null && !hidden && style is null) return false;
        if (hidden || (style ?? "").Replace(" ", "").Contains("display:none", StringComparison.OrdinalIgnoreCase)) return true;
        var key = ((cls ?? "") + " " + (id ?? "")).ToLowerInvariant();
        if (key.Length < 2) return false;
        return UnlikelyWords.Any(key.Contains) && !LikelyWords.Any(key.Contains);
    }

    private static readonly string[] DateWords = ["date", "time", "publish", "posted", "dateline"];

    private bool IsDateLine()
    {
        foreach (var key in (ReadOnlySpan<string>)["class", "id", "itemprop"])
            if (Attribute(key) is { } v && DateWords.Any(w => v.Contains(w, StringComparison.OrdinalIgnoreCase))) return true;
        return false;
    }

    private string? Attribute(string name) => attributes.GetValueOrDefault(name);

    private int NameEnd(int from)
    {
        var i = from;
        while (i < html.Length && html[i] is not (' ' or '\t' or '\n' or '\f' or '/' or '>')) i++;
        return i;
    }

    private static string Name(ReadOnlySpan<char> raw)
    {
        Span<char> lower = raw.Length <= 64 ? stackalloc char[raw.Length] : new char[raw.Length];
        raw.ToLowerInvariant(lower);
        if (NameLookup.TryGetValue(lower, out var known)) return known;
        var name = lower.ToString();
        return Names.Count < 10_000 ? Names.GetOrAdd(name, name) : name;
    }

    private string Name(int from, int to) => Name(html.AsSpan(from, to - from));

    /// <summary>Reads a start tag's attributes (only those the reader uses are kept) and returns the position after its '>'.</summary>
    private int Attributes(int from, out bool selfClosing)
    {
        attributes.Clear();
        selfClosing = false;
        var s = html.AsSpan();
        Span<char> buffer = stackalloc char[64];
        var i = from;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '>') return i + 1;
            if (c is ' ' or '\t' or '\n' or '\f') { i++; continue; }
            if (c == '/') { selfClosing = i + 1 < s.Length && s[i + 1] == '>'; i++; continue; }
            var nameStart = i;
            while (i < s.Length && s[i] is not (' ' or '\t' or '\n' or '\f' or '/' or '>' or '=')) i++;
            var attrName = s[nameStart..i];
            while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\f') i++;
            int valueStart = i, valueEnd = i;
            if (i < s.Length && s[i] == '=')
            {
                i++;
                while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\f') i++;
                if (i < s.Length && s[i] is '"' or '\'')
                {
                    var quote = s[i];
                    var close = s[(i + 1)..].IndexOf(quote);
                    valueStart = i + 1;
                    valueEnd = close < 0 ? s.Length : i + 1 + close;
                    i = Math.Min(s.Length, valueEnd + 1);
                }
                else
                {
                    valueStart = i;
                    while (i < s.Length && s[i] is not (' ' or '\t' or '\n' or '\f' or '>')) i++;
                    valueEnd = i;
                }
            }
            var lower = attrName.Length <= buffer.Length ? buffer[..attrName.Length] : new char[attrName.Length];
            attrName.ToLowerInvariant(lower);
            if (KeptNames.TryGetValue(lower, out var kept) && !attributes.ContainsKey(kept))
            {
                var value = s[valueStart..valueEnd];
                attributes[kept] = value.Contains('&') ? WebUtility.HtmlDecode(value.ToString()) : value.ToString();
            }
        }
        return s.Length;
    }

    private int After(int from, string end)
    {
        if (from >= html.Length) return html.Length;
        var k = html.AsSpan(from).IndexOf(end);
        return k < 0 ? html.Length : from + k + end.Length;
    }
}
