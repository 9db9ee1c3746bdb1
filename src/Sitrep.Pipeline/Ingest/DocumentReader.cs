using System.Security.Cryptography;
using Sitrep.Core.Documents;
using Sitrep.Ingest;
using Sitrep.Ingest.Decoding;
using Sitrep.Ingest.Dedup;
using Sitrep.Ingest.PlainText;
using Sitrep.Text.Entities;
using Sitrep.Text.Quantities;
using Sitrep.Text.Time;

namespace Sitrep.Pipeline.Ingest;

/// <summary>
/// Raw bytes to a <see cref="Document"/>: decode, extract the article, date it, find its names, fingerprint it.
/// No store, no I/O. Holds per-worker state (the entity recognizer): one reader per thread.
/// </summary>
public sealed class DocumentReader(EntityRecognizer? entities)
{
    /// <summary>Ids come from the raw bytes, so the same input always gets the same id.</summary>
    public static string IdFor(ReadOnlySpan<byte> raw) => "d-" + Convert.ToHexStringLower(SHA256.HashData(raw))[..16];

    public Document Read(string source, byte[] raw, int? yearHint = null)
    {
        var decoded = TextDecoder.Decode(raw);
        if (LooksLikeMarkup(decoded.Text))
            throw new InputRejectedException("an HTML or XML page; this version of sitrep reads plain-text articles (.txt, .md)");
        var article = PlainTextArticleReader.Read(decoded.Text);
        if (string.IsNullOrWhiteSpace(article.Body)) throw new InputRejectedException("no article text left after removing page furniture");
        var dating = PublicationDateInference.Infer(article.Body, article.HeaderDate, yearHint);
        var times = TimeTagger.Tag(article.Body, dating.Date.AnchorDay);
        var language = LanguageGuesser.Guess(article.Title + "\n" + article.Body);
        return new Document
        {
            Id = IdFor(raw),
            Source = source,
            MediaType = "text/plain",
            Encoding = decoded.EncodingName,
            Title = article.Title,
            Outlet = article.Outlet,
            Author = article.Author,
            Language = language,
            Published = dating.Date,
            HeaderDate = article.HeaderDate is { Year: null } partial ? partial : null,
            Body = article.Body,
            Cut = article.Cut,
            // the entity model was trained on English; on other languages it would invent names
            Mentions = language == "en" ? entities?.Recognize(article.Body) ?? [] : [],
            Times = times,
            Quantities = QuantityTagger.Tag(article.Body, times),
            Fingerprint = Fingerprinter.Compute(article.Body),
        };
    }

    private static bool LooksLikeMarkup(string text)
    {
        var t = text.AsSpan().TrimStart();
        return t.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || t.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || t.StartsWith("<rss", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("<feed", StringComparison.OrdinalIgnoreCase);
    }
}
