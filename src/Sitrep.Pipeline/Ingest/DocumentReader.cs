using System.Security.Cryptography;
using Sitrep.Core.Documents;
using Sitrep.Ingest;
using Sitrep.Ingest.Decoding;
using Sitrep.Core.Time;
using Sitrep.Ingest.Dedup;
using Sitrep.Ingest.Feeds;
using Sitrep.Ingest.Web;
using Sitrep.Ingest.Html;
using Sitrep.Ingest.PlainText;
using Sitrep.Text.Entities;
using Sitrep.Text.Events;
using Sitrep.Text.Quantities;
using Sitrep.Text.Time;

namespace Sitrep.Pipeline.Ingest;

/// <summary>
/// Raw bytes to a <see cref="Document"/>: decompress and decode, extract the article (from text or an HTML page), date it,
/// find its names, times and quantities, credit its sentences to their sources and find the events it reports,
/// fingerprint it. No store, no I/O. Holds per-worker state (the recognizers' buffers): one reader per thread.
/// </summary>
public sealed class DocumentReader(EntityRecognizer? entities, EventReader? events = null)
{
    /// <summary>
    /// The longest news articles run to some 100,000 characters. Past this a "page" is a data dump or a book: read as one
    /// article it would hold the batch for minutes (30 MB of text takes four) and bury the story's names under its own.
    /// </summary>
    public const int MaxArticleCharacters = 2_000_000;

    /// <summary>Ids come from the raw bytes, so the same input always gets the same id.</summary>
    public static string IdFor(ReadOnlySpan<byte> raw) => "d-" + Convert.ToHexStringLower(SHA256.HashData(raw))[..16];

    /// <param name="hints">What the source said of the bytes (an HTTP charset, a feed item's title and date): the page's own metadata comes first.</param>
    public Document Read(string source, byte[] raw, SourceHints? hints = null)
    {
        var bytes = Gzip.IsCompressed(source) ? Gzip.Expand(raw) : raw;
        var decoded = TextDecoder.Decode(bytes, hints?.Charset);
        if (FeedReader.LooksLikeFeed(decoded.Text)) throw new InputRejectedException("a feed, not an article (its items are read when the feed itself is ingested)");
        var html = hints?.MediaType is "text/html" or "application/xhtml+xml" || LooksLikeMarkup(decoded.Text);
        var doc = html ? FromHtml(source, raw, decoded, hints) : FromText(source, raw, decoded, hints);
        return doc with { Hints = hints, Url = doc.Url ?? hints?.Url };
    }

    private Document FromText(string source, byte[] raw, DecodedText decoded, SourceHints? hints)
    {
        var article = PlainTextArticleReader.Read(decoded.Text, hints?.BodyOnly ?? false);
        var dating = (article.HeaderDate is { Year: not null } ? null : SourceDating(hints)) ?? PublicationDateInference.Infer(article.Body, article.HeaderDate);
        return Finish(source, raw, EncodingNote.Of(decoded.EncodingName, decoded.Replaced), "text/plain", article.Title ?? hints?.Title, article.Outlet ?? hints?.Outlet, article.Author ?? hints?.Author, null,
            article.Body, article.Cut, dating, article.HeaderDate is { Year: null } partial ? partial : null);
    }

    private Document FromHtml(string source, byte[] raw, DecodedText decoded, SourceHints? hints)
    {
        var page = HtmlArticleExtractor.Extract(decoded.Text);
        var doc = Finish(source, raw, EncodingNote.Of(decoded.EncodingName, decoded.Replaced), "text/html", page.Title ?? hints?.Title, page.Outlet ?? hints?.Outlet, page.Author ?? hints?.Author, page.Language,
            page.Body, [], PageDating(page.Published, page.PublishedFrom) ?? SourceDating(hints) ?? PublicationDateInference.Infer(page.Body, null), null);
        return doc with { Url = page.Url };
    }

    // A page's own metadata dates it first; then the feed that listed it, then a date in its address; without any, the body does.
    private static DateInference? PageDating(PartialDate? pageDate, DateSource from) =>
        pageDate is { Year: not null } published
            ? new DateInference(PublicationDate.Exact(published, from, from == DateSource.HtmlMeta ? "page metadata" : "the date line shown on the page"), [])
            : null;

    private static DateInference? SourceDating(SourceHints? hints)
    {
        if (hints?.Published is { Year: not null } listed) return new DateInference(PublicationDate.Exact(listed, DateSource.Feed, "the feed's date for the item"), []);
        if (UrlDate.Find(hints?.Url) is { } inUrl) return new DateInference(PublicationDate.Exact(inUrl, DateSource.Url, "the date in the article's address"), []);
        return null;
    }

    private Document Finish(string source, byte[] raw, string encoding, string mediaType, string? title, string? outlet, string? author, string? declaredLanguage,
        string body, IReadOnlyList<CutText> cut, DateInference dating, PartialDate? headerDate)
    {
        if (string.IsNullOrWhiteSpace(body)) throw new InputRejectedException("no article text left after removing page furniture");
        if (body.Length > MaxArticleCharacters)
            throw new InputRejectedException($"{body.Length / 1e6:0.#} million characters of text, more than an article holds ({MaxArticleCharacters / 1e6:0.#} million); a dump or a book is not read as one article");
        var times = TimeTagger.Tag(body, dating.Date.AnchorDay);
        var guessed = LanguageGuesser.Guess(title + "\n" + body);
        var language = guessed != "und" ? guessed : declaredLanguage ?? "und";
        // the entity model and the event lexicons were written for English; on other languages they would invent names and events
        var english = language == "en";
        var mentions = english ? entities?.Recognize(body) ?? [] : [];
        var quantities = QuantityTagger.Tag(body, times);
        var (claims, happenings) = english && events is not null ? events.Read(body, mentions, times, quantities) : ([], []);
        return new Document
        {
            Id = IdFor(raw),
            Source = source,
            MediaType = mediaType,
            Encoding = encoding,
            Title = title,
            Outlet = outlet,
            Author = author,
            Language = language,
            Published = dating.Date,
            HeaderDate = headerDate,
            Body = body,
            Cut = cut,
            Mentions = mentions,
            Times = times,
            Quantities = quantities,
            Claims = claims,
            Events = happenings,
            Fingerprint = Fingerprinter.Compute(body),
            EntityModel = english ? entities?.ModelName : null,
        };
    }

    private static bool LooksLikeMarkup(string text)
    {
        var t = text.AsSpan().TrimStart();
        return t.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || t.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("<!--", StringComparison.Ordinal) || t.StartsWith("<head", StringComparison.OrdinalIgnoreCase)
            || (t.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && t.Contains("<html", StringComparison.OrdinalIgnoreCase));
    }
}
