using System.Security.Cryptography;
using Sitrep.Core.Documents;
using Sitrep.Ingest;
using Sitrep.Ingest.Decoding;
using Sitrep.Core.Time;
using Sitrep.Ingest.Dedup;
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
    /// <summary>Ids come from the raw bytes, so the same input always gets the same id.</summary>
    public static string IdFor(ReadOnlySpan<byte> raw) => "d-" + Convert.ToHexStringLower(SHA256.HashData(raw))[..16];

    public Document Read(string source, byte[] raw, int? yearHint = null)
    {
        var bytes = Gzip.IsCompressed(source) ? Gzip.Expand(raw) : raw;
        var decoded = TextDecoder.Decode(bytes);
        if (LooksLikeFeed(decoded.Text))
            throw new InputRejectedException("an RSS, Atom or XML document; this version of sitrep reads articles as text or HTML pages");
        return LooksLikeMarkup(decoded.Text) ? FromHtml(source, raw, decoded) : FromText(source, raw, decoded, yearHint);
    }

    private Document FromText(string source, byte[] raw, DecodedText decoded, int? yearHint)
    {
        var article = PlainTextArticleReader.Read(decoded.Text);
        return Finish(source, raw, decoded.EncodingName, "text/plain", article.Title, article.Outlet, article.Author, null, article.Body, article.Cut,
            PublicationDateInference.Infer(article.Body, article.HeaderDate, yearHint), article.HeaderDate is { Year: null } partial ? partial : null);
    }

    private Document FromHtml(string source, byte[] raw, DecodedText decoded)
    {
        var page = HtmlArticleExtractor.Extract(decoded.Text);
        // a page's own metadata dates it; without any, the body does
        var dating = page.Published is { Year: not null } published
            ? new DateInference(PublicationDate.Exact(published, DateSource.HtmlMeta, "page metadata"), [])
            : PublicationDateInference.Infer(page.Body, null);
        return Finish(source, raw, decoded.EncodingName, "text/html", page.Title, page.Outlet, page.Author, page.Language, page.Body, [], dating, null);
    }

    private Document Finish(string source, byte[] raw, string encoding, string mediaType, string? title, string? outlet, string? author, string? declaredLanguage,
        string body, IReadOnlyList<CutText> cut, DateInference dating, PartialDate? headerDate)
    {
        if (string.IsNullOrWhiteSpace(body)) throw new InputRejectedException("no article text left after removing page furniture");
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
        };
    }

    private static bool LooksLikeFeed(string text)
    {
        var t = text.AsSpan().TrimStart();
        if (t.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)) t = t[Math.Max(0, t.IndexOf("?>") + 2)..].TrimStart();
        return t.StartsWith("<rss", StringComparison.OrdinalIgnoreCase) || t.StartsWith("<feed", StringComparison.OrdinalIgnoreCase) || t.StartsWith("<rdf", StringComparison.OrdinalIgnoreCase);
    }

    private static bool LooksLikeMarkup(string text)
    {
        var t = text.AsSpan().TrimStart();
        return t.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || t.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("<!--", StringComparison.Ordinal) || t.StartsWith("<head", StringComparison.OrdinalIgnoreCase)
            || (t.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && t.Contains("<html", StringComparison.OrdinalIgnoreCase));
    }
}
