using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Sitrep.Core.Time;

namespace Sitrep.Ingest.Feeds;

/// <summary>One entry of a feed. <see cref="Content"/> is the full article as HTML when the feed carries it.</summary>
public sealed record FeedItem(string? Id, string? Link, string? Title, string? Author, PartialDate? Published, string? Summary, string? Content);

public sealed record Feed(string Format, string? Title, string? Link, IReadOnlyList<FeedItem> Items);

/// <summary>
/// RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom 1.0. A document type declaration is never processed: entities it
/// would define stay undefined, so expansion tricks fail as invalid XML instead of filling memory.
/// </summary>
public static class FeedReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";

    /// <summary>Whether the text opens as a feed: an XML declaration, comments, then rss, feed or rdf:RDF.</summary>
    public static bool LooksLikeFeed(string text)
    {
        var t = text.AsSpan().TrimStart('\uFEFF').TrimStart();
        while (true)
        {
            if (t.StartsWith("<?")) t = Rest(t, "?>");
            else if (t.StartsWith("<!--")) t = Rest(t, "-->");
            else if (t.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) && !t.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase))
                t = Rest(t, t.IndexOf('[') is var open and >= 0 && open < t.IndexOf('>') ? "]>" : ">");
            else break;
        }
        return t.StartsWith("<rss", StringComparison.OrdinalIgnoreCase) || t.StartsWith("<feed", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("<rdf:RDF", StringComparison.OrdinalIgnoreCase) || t.StartsWith("<RDF", StringComparison.Ordinal);
    }

    /// <summary>The same test on raw bytes, from their opening alone (ASCII-compatible encodings; others are found when decoded).</summary>
    public static bool LooksLikeFeed(ReadOnlySpan<byte> raw)
    {
        var head = raw[..Math.Min(raw.Length, 2048)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        return LooksLikeFeed(System.Text.Encoding.Latin1.GetString(head));
    }

    /// <summary>How many visible characters an HTML fragment holds, tags left out: enough to tell a teaser from an article.</summary>
    public static int TextLength(string html)
    {
        int n = 0;
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<') inTag = true;
            else if (c == '>') inTag = false;
            else if (!inTag && !char.IsWhiteSpace(c)) n++;
        }
        return n;
    }

    private static ReadOnlySpan<char> Rest(ReadOnlySpan<char> t, string end) => t.IndexOf(end) is var k and >= 0 ? t[(k + end.Length)..].TrimStart() : [];

    /// <exception cref="InputRejectedException">Not well-formed XML, or XML that is not a feed.</exception>
    public static Feed Read(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 1024, IgnoreComments = true };
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            doc = XDocument.Load(reader);
        }
        catch (XmlException e) { throw new InputRejectedException($"a feed that is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}: {FirstSentence(e.Message)})"); }
        var root = doc.Root!;
        if (root.Name == Atom + "feed") return ReadAtom(root);
        if (root.Name.LocalName == "rss") return ReadRss(root);
        if (root.Name.LocalName == "RDF") return ReadRdf(root);
        throw new InputRejectedException($"XML whose root element <{root.Name.LocalName}> is not an RSS or Atom feed");
    }

    private static string FirstSentence(string message) => message.Split(". ")[0].TrimEnd('.');

    private static Feed ReadRss(XElement rss)
    {
        var channel = rss.Element("channel") ?? throw new InputRejectedException("an RSS feed without a <channel>");
        var items = channel.Elements("item").Select(i => new FeedItem(
            Text(i.Element("guid")), Text(i.Element("link")) ?? Permalink(i.Element("guid")), Text(i.Element("title")),
            Text(i.Element(Dc + "creator")) ?? Text(i.Element("author")), ParseDate(Text(i.Element("pubDate")) ?? Text(i.Element(Dc + "date"))),
            Text(i.Element("description")), Text(i.Element(Content + "encoded")))).ToList();
        return new Feed("rss", Text(channel.Element("title")), Text(channel.Element("link")), items);
    }

    /// <summary>RSS lets the guid be the item's address (isPermaLink defaults to true): the link when there is no other.</summary>
    private static string? Permalink(XElement? guid) =>
        guid is not null && (string?)guid.Attribute("isPermaLink") != "false" && Text(guid) is { } g && Web.Fetcher.IsUrl(g) ? g : null;

    private static Feed ReadRdf(XElement rdf)
    {
        var channel = rdf.Element(Rss1 + "channel");
        var items = rdf.Elements(Rss1 + "item").Select(i => new FeedItem(
            (string?)i.Attributes().FirstOrDefault(a => a.Name.LocalName == "about"), Text(i.Element(Rss1 + "link")), Text(i.Element(Rss1 + "title")),
            Text(i.Element(Dc + "creator")), ParseDate(Text(i.Element(Dc + "date"))), Text(i.Element(Rss1 + "description")), Text(i.Element(Content + "encoded")))).ToList();
        return new Feed("rss", Text(channel?.Element(Rss1 + "title")), Text(channel?.Element(Rss1 + "link")), items);
    }

    private static Feed ReadAtom(XElement feed)
    {
        var items = feed.Elements(Atom + "entry").Select(e => new FeedItem(
            Text(e.Element(Atom + "id")), AtomLink(e), AtomText(e.Element(Atom + "title")),
            Text(e.Element(Atom + "author")?.Element(Atom + "name")) ?? Text(feed.Element(Atom + "author")?.Element(Atom + "name")),
            ParseDate(Text(e.Element(Atom + "published")) ?? Text(e.Element(Atom + "updated"))),
            AtomHtml(e.Element(Atom + "summary")), AtomHtml(e.Element(Atom + "content")))).ToList();
        return new Feed("atom", AtomText(feed.Element(Atom + "title")), AtomLink(feed), items);
    }

    private static string? AtomLink(XElement e) =>
        (string?)e.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href");

    /// <summary>Atom text constructs: text, html (escaped markup) or xhtml (markup inline, in a div).</summary>
    private static string? AtomHtml(XElement? e)
    {
        if (e is null) return null;
        var type = (string?)e.Attribute("type");
        if (type == "xhtml")
        {
            var div = e.Elements().FirstOrDefault();
            var inner = div is null ? "" : string.Concat(div.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
            // the xhtml namespace declarations are noise to an HTML reader
            return Trimmed(inner.Replace(" xmlns=\"http://www.w3.org/1999/xhtml\"", ""));
        }
        return type is null or "text" ? Trimmed(System.Net.WebUtility.HtmlEncode(e.Value)) : Text(e);
    }

    private static string? AtomText(XElement? e) => e is null ? null : (string?)e.Attribute("type") == "xhtml" ? Trimmed(e.Value) : Text(e);

    private static string? Text(XElement? e) => e is null ? null : Trimmed(e.Value);

    private static string? Trimmed(string s) => s.Trim() is { Length: > 0 } t ? t : null;

    /// <summary>RFC 822 dates (RSS: "Tue, 11 Mar 2025 17:40:00 +0200", zone names too) and RFC 3339 (Atom), in the feed's own local time.</summary>
    public static PartialDate? ParseDate(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        if (char.IsAsciiDigit(s[0]) && s.Length >= 10 && s[4] == '-') return Html.HtmlArticleExtractor.ParseDate(s);
        // drop the weekday; RFC 822 zone names become offsets (the local time is what is kept, so only validity matters)
        var comma = s.IndexOf(',');
        var rest = (comma >= 0 ? s[(comma + 1)..] : s).Trim();
        var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3) return null;
        var text = string.Join(' ', parts.Take(Math.Min(parts.Length, 4)));
        string[] formats = ["d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm", "d MMM yy HH:mm:ss", "d MMM yy HH:mm", "d MMM yyyy"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dt))
            return text.Contains(':') ? new PartialDate(dt.Year, dt.Month, dt.Day, dt.Hour, dt.Minute) : new PartialDate(dt.Year, dt.Month, dt.Day);
        return null;
    }
}
