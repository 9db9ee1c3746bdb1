using System.Globalization;
using Sitrep.Core.Events;
using Sitrep.Core.Time;
using Sitrep.Store;

namespace Sitrep.Pipeline.Show;

/// <summary>
/// The Markdown brief: per day, the events with their sources and status; where the sources disagree; the people,
/// places and organisations with the other spellings they go by; and the articles it rests on. Syndicated copies are
/// listed but not counted twice.
/// </summary>
public static class BriefWriter
{
    /// <param name="documents">The articles the brief covers (a date range's); all when null.</param>
    public static void Write(IDocumentStore store, Story story, TextWriter w, DateTimeOffset generated, int topNames = 25, IReadOnlyCollection<string>? documents = null)
    {
        var stored = documents is null ? store.Documents() : documents.Select(store.Find).OfType<Core.Documents.Document>();
        var docs = stored.Select(d => d with { Body = "", Mentions = [], Times = [], Quantities = [], Claims = [], Events = [] }).ToList();
        var originals = docs.Where(d => d.DuplicateOf is null).ToList();
        var text = new EventText(story, EventText.Outlets(docs));
        w.WriteLine("# Sitrep brief");
        w.WriteLine();
        var outlets = originals.Select(d => d.Outlet).OfType<string>().Distinct().Count();
        w.WriteLine($"{docs.Count} article{S(docs.Count)} ({docs.Count - originals.Count} syndicated cop{(docs.Count - originals.Count == 1 ? "y" : "ies")}), " +
                    $"{outlets} named outlet{S(outlets)}, {story.Events.Count} event{S(story.Events.Count)}. " +
                    $"Generated {generated.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.");
        w.WriteLine();

        w.WriteLine("## Events by day");
        w.WriteLine();
        if (story.Events.Count == 0) w.WriteLine("No events found.");
        foreach (var day in story.Events.GroupBy(e => e.Date is null ? "undated" : e.Date.Precision == "range" ? text.Date(e) : e.Date.Value))
        {
            w.WriteLine($"### {day.Key}");
            w.WriteLine();
            foreach (var e in day.OrderByDescending(e => e.Reports.Count))
            {
                w.WriteLine($"- **{Cell(text.Headline(e))}** — {e.Status}, {e.Reports.Count} report{S(e.Reports.Count)}: {Cell(text.Sources(e))}" +
                            (e.Date is { FromText: false } ? " (dated by publication)" : ""));
                w.WriteLine($"  > {e.Summary}");
            }
            w.WriteLine();
        }

        w.WriteLine("## Where sources disagree");
        w.WriteLine();
        var disputed = story.Events.Where(e => e.Conflicts.Count > 0).ToList();
        if (disputed.Count == 0) w.WriteLine("No contradictions between sources found.");
        foreach (var e in disputed)
            foreach (var c in e.Conflicts)
                w.WriteLine($"- {text.Date(e)} {Cell(text.Headline(e))}: {Cell(text.Conflict(c))}");
        w.WriteLine();

        var originalIds = originals.Select(d => d.Id).ToHashSet();
        foreach (var (type, heading) in new[] { ("PER", "People"), ("LOC", "Places"), ("ORG", "Organisations"), ("MISC", "Other names") })
        {
            w.WriteLine($"## {heading}");
            w.WriteLine();
            var top = story.Entities.Where(e => e.Type == type)
                .Select(e => (Entity: e, Count: e.Mentions.Count(m => originalIds.Contains(m.Document)), Docs: e.Mentions.Select(m => m.Document).Where(originalIds.Contains).Distinct().Count()))
                .Where(x => x.Count > 0).OrderByDescending(x => x.Count).ThenBy(x => x.Entity.Name, StringComparer.Ordinal).Take(topNames).ToList();
            if (top.Count == 0) { w.WriteLine("None found."); w.WriteLine(); continue; }
            w.WriteLine("| Name | Also written | Mentions | Articles |");
            w.WriteLine("|---|---|---:|---:|");
            foreach (var (e, count, docCount) in top) w.WriteLine($"| {Cell(e.Name)} | {Cell(string.Join(", ", e.Aliases.Where(a => a != e.Name)))} | {count} | {docCount} |");
            w.WriteLine();
        }

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
