using System.Globalization;
using Sitrep.Core.Documents;
using Sitrep.Core.Time;
using Sitrep.Store;
using Sitrep.Text.Names;
using Sitrep.Text.Sentences;
using Sitrep.Text.Time;

namespace Sitrep.Pipeline.Show;

/// <summary>
/// The Markdown brief: the articles by publication date, the names they mention most, and a timeline of every sentence
/// that names a day. Syndicated copies are listed but not counted twice.
/// </summary>
public static class BriefWriter
{
    public static void Write(IDocumentStore store, TextWriter w, DateTimeOffset generated, int topNames = 25)
    {
        var docs = store.Documents().ToList();
        var originals = docs.Where(d => d.DuplicateOf is null).ToList();
        w.WriteLine("# Sitrep brief");
        w.WriteLine();
        var outlets = originals.Select(d => d.Outlet).OfType<string>().Distinct().Count();
        w.WriteLine($"{docs.Count} article{S(docs.Count)} ({docs.Count - originals.Count} syndicated cop{(docs.Count - originals.Count == 1 ? "y" : "ies")}), " +
                    $"{outlets} named outlet{S(outlets)}. Generated {generated.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.");
        w.WriteLine();

        w.WriteLine("## Articles");
        w.WriteLine();
        w.WriteLine("| Published | Outlet | Title | Document |");
        w.WriteLine("|---|---|---|---|");
        foreach (var d in docs.OrderBy(d => d.Published.EarliestDay ?? DateOnly.MaxValue)
                     .ThenBy(d => d.Published.Value?.ToString(), StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            var copy = d.DuplicateOf is null ? "" : $" (copy of `{d.DuplicateOf}`)";
            w.WriteLine($"| {Published(d.Published)} | {Cell(d.Outlet ?? "—")} | {Cell(d.Title ?? "(untitled)")} | `{d.Id}`{copy} |");
        }
        w.WriteLine();

        w.WriteLine("## Most mentioned names");
        w.WriteLine();
        var names = originals
            .SelectMany(d => CapitalisedNames.Find(d.Body).Select(s => (Name: s.Of(d.Body), Doc: d.Id)))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Count: g.Count(), Docs: g.Select(x => x.Doc).Distinct().Count()))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name, StringComparer.Ordinal).Take(topNames).ToList();
        if (names.Count == 0) w.WriteLine("No names found.");
        else
        {
            w.WriteLine("| Name | Mentions | Articles |");
            w.WriteLine("|---|---:|---:|");
            foreach (var (name, count, inDocs) in names) w.WriteLine($"| {Cell(name)} | {count} | {inDocs} |");
        }
        w.WriteLine();

        w.WriteLine("## Timeline");
        w.WriteLine();
        var dated = new List<(DateOnly Day, string Sentence, Document Doc)>();
        foreach (var d in originals)
        {
            var reference = d.Published.To ?? d.Published.EarliestDay;
            foreach (var sentence in SentenceSplitter.Split(d.Body))
            {
                var days = CalendarScanner.Scan(d.Body, sentence.Start, sentence.End).Dates
                    .Select(m => DayAnchoring.Resolve(m.Date, reference)).OfType<DateOnly>().Distinct();
                foreach (var day in days) dated.Add((day, sentence.Of(d.Body), d));
            }
        }
        if (dated.Count == 0) w.WriteLine("No sentence names a day.");
        foreach (var group in dated.OrderBy(x => x.Day).GroupBy(x => x.Day))
        {
            w.WriteLine($"### {group.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            w.WriteLine();
            foreach (var (_, sentence, doc) in group)
                w.WriteLine($"- {sentence.Replace('\n', ' ')} — {doc.Outlet ?? doc.Title ?? doc.Source} (`{doc.Id}`)");
            w.WriteLine();
        }
    }

    private static string Published(PublicationDate p) => p.Precision switch
    {
        DatePrecision.Range => $"{p.From:yyyy-MM-dd} – {p.To:yyyy-MM-dd} (inferred)",
        DatePrecision.Unknown => "unknown",
        _ => p.Value + (p.Source == DateSource.Body ? " (inferred)" : ""),
    };

    private static string Cell(string s) => s.Replace("|", "\\|").Replace('\n', ' ');

    private static string S(int n) => n == 1 ? "" : "s";
}
