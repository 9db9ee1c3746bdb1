using System.Globalization;
using Sitrep.Core.Documents;
using Sitrep.Core.Time;
using Sitrep.Store;
using Sitrep.Text.Sentences;

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

        var originalIds = originals.Select(d => d.Id).ToHashSet();
        var entities = Entities.Of(store);
        foreach (var (type, heading) in new[] { ("PER", "People"), ("LOC", "Places"), ("ORG", "Organisations"), ("MISC", "Other names") })
        {
            w.WriteLine($"## {heading}");
            w.WriteLine();
            var top = entities.Where(e => e.Type == type)
                .Select(e => (Entity: e, Count: e.Mentions.Count(m => originalIds.Contains(m.Document)), Docs: e.Mentions.Select(m => m.Document).Where(originalIds.Contains).Distinct().Count()))
                .Where(x => x.Count > 0).OrderByDescending(x => x.Count).ThenBy(x => x.Entity.Name, StringComparer.Ordinal).Take(topNames).ToList();
            if (top.Count == 0) { w.WriteLine("None found."); w.WriteLine(); continue; }
            w.WriteLine("| Name | Also written | Mentions | Articles |");
            w.WriteLine("|---|---|---:|---:|");
            foreach (var (e, count, docCount) in top) w.WriteLine($"| {Cell(e.Name)} | {Cell(string.Join(", ", e.Aliases.Skip(1)))} | {count} | {docCount} |");
            w.WriteLine();
        }

        w.WriteLine("## Timeline");
        w.WriteLine();
        // every sentence that names a day, dated by its own time expressions
        var dated = new List<(DateOnly Day, string Sentence, Document Doc)>();
        foreach (var d in originals)
        {
            var sentences = SentenceSplitter.Split(d.Body);
            foreach (var t in d.Times)
            {
                if (t.Type is not (TimexType.Date or TimexType.Time) || t.Value.Length < 10
                    || !DateOnly.TryParseExact(t.Value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) continue;
                var sentence = sentences.FirstOrDefault(s => s.Contains(t.Span));
                if (sentence.Length > 0) dated.Add((day, sentence.Of(d.Body), d));
            }
        }
        dated = dated.Distinct().ToList();
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
