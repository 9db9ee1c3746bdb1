using System.Text.Json;
using Sitrep.Core.Events;
using Sitrep.Resolve;

namespace Sitrep.Pipeline.Evaluation;

public sealed record EventScore(double EventRecall, double MergeRecall, double MatchedShare, int GoldEvents, int SystemEvents,
    IReadOnlyList<string> Matched, IReadOnlyList<string> Missed, IReadOnlyList<string> Unmerged);

/// <summary>
/// Scores events against the <c>events</c> of a gold file in the format of seeds.gold.json. A gold event is found when
/// a system event reported by one of its documents has its type, a date inside the gold dates, and its place or actor
/// when the gold gives them (names compared by the transliteration-aware key, with the gold entity's variants). It is
/// merged when that event's reports cover every gold document. The share of system events that match some gold event
/// is a lower bound on precision: the gold is not exhaustive.
/// </summary>
public static class EventEvaluation
{
    private sealed record Gold(string Id, string Type, DateOnly From, DateOnly To, string? Place, string? Actor, IReadOnlyList<string> Docs);

    /// <param name="documentSources">Every stored document's id and the path or URL it came from.</param>
    public static EventScore Evaluate(string goldPath, Story story, IReadOnlyList<(string Id, string Source)> documentSources)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(goldPath));
        var root = json.RootElement;
        var variants = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("entities", out var entities))
            foreach (var e in entities.EnumerateArray())
                variants[e.GetProperty("name").GetString()!] = [.. e.GetProperty("variants").EnumerateArray().Select(v => v.GetString()!)];
        var golds = root.GetProperty("events").EnumerateArray().Select(e =>
        {
            var dates = e.GetProperty("date").EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            string? S(string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;
            return new Gold(e.GetProperty("id").GetString()!, e.GetProperty("type").GetString()!, dates.Min(), dates.Max(), S("place"), S("actor"),
                [.. e.GetProperty("docs").EnumerateArray().Select(d => d.GetString()!)]);
        }).ToList();

        var byId = story.Entities.ToDictionary(e => e.Id);
        // gold documents are named by the start of their file name ("001" for 001_7de2….txt)
        string? DocumentOf(string goldDoc) => documentSources
            .Where(d => Path.GetFileName(d.Source) is var f && (f == goldDoc || f.StartsWith(goldDoc + "_", StringComparison.Ordinal) || f.StartsWith(goldDoc + ".", StringComparison.Ordinal)))
            .Select(d => d.Id).FirstOrDefault();
        bool Names(string? entityId, string goldName)
        {
            if (entityId is null || !byId.TryGetValue(entityId, out var entity)) return false;
            var paren = goldName.IndexOf('(');
            var name = (paren > 0 ? goldName[..paren] : goldName).Trim();
            var forms = (variants.TryGetValue(name, out var v) ? v : []).Append(name).Select(NameKey.Of).ToHashSet();
            return entity.Aliases.Append(entity.Name).Any(a => forms.Contains(NameKey.Of(a)));
        }
        bool Fits(Event e, Gold g) =>
            e.Type == g.Type && e.Date is { } d && d.From >= g.From && d.To <= g.To
            && (g.Place is null && g.Actor is null || (g.Place is not null && Names(e.Place, g.Place)) || (g.Actor is not null && e.Actors.Any(a => Names(a, g.Actor))));

        var matched = new List<string>();
        var missed = new List<string>();
        var unmerged = new List<string>();
        var merged = 0;
        foreach (var g in golds)
        {
            var docs = g.Docs.Select(DocumentOf).OfType<string>().ToHashSet();
            var best = story.Events.Where(e => Fits(e, g) && e.Reports.Any(r => docs.Contains(r.Document)))
                .OrderByDescending(e => e.Reports.Count(r => docs.Contains(r.Document))).FirstOrDefault();
            if (best is null) { missed.Add(g.Id); continue; }
            matched.Add(g.Id);
            if (docs.Count == g.Docs.Count && docs.All(d => best.Reports.Any(r => r.Document == d))) merged++;
            else unmerged.Add(g.Id);
        }
        var matchedSystem = story.Events.Count(e => golds.Any(g => Fits(e, g)));
        return new EventScore(golds.Count == 0 ? 1 : (double)matched.Count / golds.Count, golds.Count == 0 ? 1 : (double)merged / golds.Count,
            story.Events.Count == 0 ? 0 : (double)matchedSystem / story.Events.Count, golds.Count, story.Events.Count, matched, missed, unmerged);
    }
}
