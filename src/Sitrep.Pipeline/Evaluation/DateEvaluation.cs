using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Core.Documents;
using Sitrep.Core.Time;
using Sitrep.Pipeline.Ingest;

namespace Sitrep.Pipeline.Evaluation;

/// <summary>One article's publication date against the reference.</summary>
/// <param name="PageDated">The page shows a date of its own (the corpus index says which); the rest must be inferred.</param>
/// <param name="Right">The date found overlaps the reference and is no wider than two days (or the reference).</param>
/// <param name="ExactDay">The date found is one day and the reference allows it.</param>
public sealed record DateResult(string Story, string File, bool PageDated, string Gold, string Found, string Source, string? Note, bool Right, bool ExactDay);

public sealed record DateScore(IReadOnlyList<DateResult> Results)
{
    public IEnumerable<DateResult> Undated => Results.Where(r => !r.PageDated);
}

/// <summary>
/// Scores publication dates on a corpus laid out as ../shared/corpus/dev: one folder per story with NN.txt pages,
/// index.tsv (file, url, the page's own date or "unknown", …) and gold.json, whose documents carry the true
/// `published` (one day, two candidate days, or a month). Each story is read as one collection, as a user would ingest
/// it, so collection dating takes part.
/// </summary>
public static class DateEvaluation
{
    /// <param name="withUrls">Give the reader each page's address from index.tsv, as a fetch from the web would.</param>
    public static DateScore Evaluate(string corpus, bool withUrls)
    {
        var reader = new DocumentReader(null);
        var results = new List<DateResult>();
        foreach (var story in Directory.EnumerateDirectories(corpus).Order(StringComparer.Ordinal))
        {
            var index = Path.Combine(story, "index.tsv");
            var goldPath = Path.Combine(story, "gold.json");
            if (!File.Exists(index) || !File.Exists(goldPath)) continue;
            var rows = File.ReadLines(index).Skip(1).Select(l => l.Split('\t')).Where(f => f.Length >= 3).ToList();
            using var gold = JsonDocument.Parse(File.ReadAllText(goldPath));
            var golds = gold.RootElement.GetProperty("documents");
            var docs = new List<(string File, bool PageDated, Document Doc)>();
            foreach (var f in rows)
            {
                var path = Path.Combine(story, f[0]);
                var hints = withUrls ? new SourceHints { Url = f[1] } : null;
                docs.Add((f[0], f[2] != "unknown", reader.Read(path, File.ReadAllBytes(path), hints)));
            }
            var inferred = docs.Where(d => d.Doc.Published.Source is DateSource.None or DateSource.Body).ToList();
            var known = docs.Except(inferred).Where(d => d.Doc.Published.EarliestDay is not null && d.Doc.Published.Precision >= DatePrecision.Day)
                .Select(d => new DatedArticle(d.Doc.Id, d.Doc.Published.EarliestDay!.Value, d.Doc.Body)).ToList();
            var undated = inferred.Select(d => new DatingCandidate(d.Doc.Id, d.Doc.Body, d.Doc.HeaderDate, d.Doc.Published)).ToList();
            var fromCollection = CollectionDating.Date(undated, known);
            foreach (var (file, pageDated, doc) in docs)
            {
                var found = fromCollection.GetValueOrDefault(doc.Id) ?? doc.Published;
                var reference = golds.GetProperty(file).GetProperty("published").EnumerateArray().Select(e => e.GetString()!).ToList();
                var goldDays = Days(reference);
                var foundDays = Days(found);
                var overlap = foundDays.Overlaps(goldDays);
                var right = overlap && foundDays.Count <= Math.Max(2, goldDays.Count);
                results.Add(new DateResult(Path.GetFileName(story), file, pageDated, string.Join("/", reference), Show(found),
                    found.Source.ToExportName(), found.Note, right, overlap && foundDays.Count == 1));
            }
        }
        return new DateScore(results);
    }

    private static HashSet<DateOnly> Days(IEnumerable<string> reference)
    {
        var days = new HashSet<DateOnly>();
        foreach (var r in reference) days.UnionWith(Days(PartialDate.Parse(r)));
        return days;
    }

    private static HashSet<DateOnly> Days(PublicationDate p) =>
        p is { From: { } from, To: { } to } ? Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToHashSet() : Days(p.Value);

    /// <summary>Every day a partial date allows: one day, a month's days, a year's days.</summary>
    private static HashSet<DateOnly> Days(PartialDate? d)
    {
        if (d is not { Year: { } y } date) return [];
        if (date.AsDay is { } day) return [day];
        var first = new DateOnly(y, date.Month ?? 1, 1);
        var last = date.Month is null ? new DateOnly(y, 12, 31) : first.AddMonths(1).AddDays(-1);
        return Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToHashSet();
    }

    private static string Show(PublicationDate p) =>
        p is { From: { } f, To: { } t } ? $"{f:yyyy-MM-dd}..{t:yyyy-MM-dd}" : p.Value?.ToString() ?? "none";

    public static string Summary(IEnumerable<DateResult> results, string label)
    {
        var list = results.ToList();
        var right = list.Count(r => r.Right);
        var exact = list.Count(r => r.ExactDay);
        var none = list.Count(r => r.Found == "none");
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"{label}: {right} of {list.Count} right ({Share(right, list.Count)}), ");
        b.Append(CultureInfo.InvariantCulture, $"{exact} exact day, {list.Count - right - none} wrong, {none} without a date");
        return b.ToString();
    }

    private static string Share(int a, int b) => b == 0 ? "-" : ((double)a / b).ToString("0.000", CultureInfo.InvariantCulture);
}
