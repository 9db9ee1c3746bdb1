using System.IO.Compression;
using System.Text.Json;
using Sitrep.Core.Time;

namespace Sitrep.Ingest.Feeds;

/// <summary>What one line of a JSON Lines file holds: an article, or the reason it holds none.</summary>
public abstract record JsonLinesRecord(int Line);

/// <summary>One article of a JSON Lines file: its text (plain or HTML) and what the record says of it.</summary>
public sealed record JsonLinesArticle(int Line, string Text, bool IsHtml, string? Url, string? Title, string? Author, string? Outlet, PartialDate? Published)
    : JsonLinesRecord(Line);

/// <summary>A line that is not an article, and why.</summary>
public sealed record JsonLinesProblem(int Line, string Reason) : JsonLinesRecord(Line);

/// <summary>
/// Reads JSON Lines (.jsonl, .ndjson, optionally gzipped) one line at a time, so a corpus of any size streams through:
/// each line an object with the article's text under text, body, content or articleBody (or its HTML under html),
/// and, where present, url or link, title or headline, author or byline, outlet, source or site_name, and published,
/// date or datePublished. A bad line is named by its number; the rest go on.
/// </summary>
public static class JsonLinesReader
{
    public static readonly string[] Extensions = [".jsonl", ".ndjson"];

    public static bool IsJsonLines(string path)
    {
        var name = Decoding.Gzip.IsCompressed(path) ? path[..^3] : path;
        return Extensions.Any(x => name.EndsWith(x, StringComparison.OrdinalIgnoreCase));
    }

    /// <param name="maxLineBytes">A longer line is reported, not read.</param>
    public static IEnumerable<JsonLinesRecord> Read(string path, long maxLineBytes)
    {
        using var file = File.OpenRead(path);
        using var stream = Decoding.Gzip.IsCompressed(path) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var number = 0;
        while (true)
        {
            string? line;
            var broken = false;
            try { line = reader.ReadLine(); }
            catch (InvalidDataException) { line = null; broken = true; }
            if (broken) { yield return new JsonLinesProblem(number + 1, "not a valid gzip file"); yield break; }
            if (line is null) yield break;
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (line.Length > maxLineBytes) { yield return new JsonLinesProblem(number, $"a line longer than the size limit ({maxLineBytes >> 20} MB)"); continue; }
            yield return Parse(number, line);
        }
    }

    private static JsonLinesRecord Parse(int number, string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var o = json.RootElement;
            if (o.ValueKind != JsonValueKind.Object) return new JsonLinesProblem(number, "not a JSON object");
            string? Field(params string[] names) => names.Select(n => o.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
                .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
            var html = Field("html", "content_html", "raw_html");
            var text = html ?? Field("text", "body", "content", "articleBody", "maintext");
            if (text is null) return new JsonLinesProblem(number, "no article text (text, body, content, articleBody or html)");
            return new JsonLinesArticle(number, text, html is not null, Field("url", "link", "canonical_url"), Field("title", "headline"), Field("author", "byline"),
                Field("outlet", "source", "site_name", "site", "publisher"), FeedReader.ParseDate(Field("published", "date", "published_at", "datePublished", "pubDate", "date_publish")));
        }
        catch (JsonException e) { return new JsonLinesProblem(number, $"not valid JSON ({e.Message.Split(". ")[0].TrimEnd('.')})"); }
    }
}
