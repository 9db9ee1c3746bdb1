using System.Globalization;
using System.Text.Json;
using Sitrep.Core.Events;
using Sitrep.Resolve;

namespace Sitrep.Pipeline.Evaluation;

/// <summary>One gold event's result: found, merged, and whether its doer and place were right.</summary>
public sealed record GoldEventResult(string Id, string Type, bool Found, bool Merged, bool? DoerRight, bool? PlaceRight,
    int Conflicts, int ConflictsFound, string? SystemEvent);

public sealed record EventScore(
    double EventRecall, double MergeRecall, double MatchedShare, int GoldEvents, int SystemEvents,
    IReadOnlyList<string> Matched, IReadOnlyList<string> Missed, IReadOnlyList<string> Unmerged,
    int GoldConflicts, int ConflictsFound, int DoersJudged, int DoersRight, int PlacesJudged, int PlacesRight,
    IReadOnlyList<GoldEventResult> Events)
{
    public double ConflictRecall => GoldConflicts == 0 ? 1 : (double)ConflictsFound / GoldConflicts;
    public double DoerAccuracy => DoersJudged == 0 ? 1 : (double)DoersRight / DoersJudged;
    public double PlaceAccuracy => PlacesJudged == 0 ? 1 : (double)PlacesRight / PlacesJudged;
}

/// <summary>
/// Scores events against the <c>events</c> of a gold file in the format of seeds.gold.json. A gold event is found when
/// a system event reported by one of its documents has its type, a date inside the gold dates (any date when the gold
/// gives none), and its place or actor when the gold gives them. The gold writes places and actors as an analyst's
/// words ("Zenit strongpoint, south-eastern outskirts of Avdiivka", "Russian forces (Center group)"): a system entity
/// names them when one of its spellings, or of the gold entity's variants, is a run of those words, or when the
/// gold's nationality word stands for it (data/events/affiliations.tsv: "Russian forces" act for Russia). It is merged
/// when that event's reports cover every gold document. Of found events, the doer is right when one of the event's
/// actors names the gold actor, the place when its place names the gold place. A gold conflict is flagged when the
/// found event has a conflict on the same field ("other": any field) between two of the conflict's documents. The
/// share of system events that match some gold event is a lower bound on precision: the gold is not exhaustive.
/// </summary>
public static class EventEvaluation
{
    private sealed record GoldConflict(string Field, IReadOnlyList<string> Docs);

    private sealed record Gold(string Id, string Type, DateOnly? From, DateOnly? To, string? Place, string? Actor,
        IReadOnlyList<string> Docs, IReadOnlyList<GoldConflict> Conflicts);

    /// <param name="documentSources">Every stored document's id and the path or URL it came from.</param>
    /// <param name="affiliations">Nationality words and the country they stand for.</param>
    public static EventScore Evaluate(
        string goldPath, Story story, IReadOnlyList<(string Id, string Source)> documentSources,
        IReadOnlyDictionary<string, string>? affiliations = null)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(goldPath));
        var root = json.RootElement;
        var variants = new List<HashSet<string>>();
        if (root.TryGetProperty("entities", out var entities))
            foreach (var e in entities.EnumerateArray())
                variants.Add([.. e.GetProperty("variants").EnumerateArray().Select(v => NameKey.Of(v.GetString()!))
                    .Append(NameKey.Of(e.GetProperty("name").GetString()!)).Where(k => k.Length > 0)]);
        var golds = root.GetProperty("events").EnumerateArray().Select(ReadGold).ToList();

        var byId = story.Entities.ToDictionary(e => e.Id);
        // gold documents are named by the start of their file name ("001" for 001_7de2….txt)
        string? DocumentOf(string goldDoc) => documentSources
            .Where(d => Path.GetFileName(d.Source) is var f
                && (f == goldDoc || f.StartsWith(goldDoc + "_", StringComparison.Ordinal)
                || f.StartsWith(goldDoc + ".", StringComparison.Ordinal)))
            .Select(d => d.Id).FirstOrDefault();
        var keysOf = new Dictionary<(string, bool), HashSet<string>>();
        bool Names(string? entityId, string? goldText, bool sides)
        {
            if (goldText is null || entityId is null || !byId.TryGetValue(entityId, out var entity)) return false;
            if (!keysOf.TryGetValue((goldText, sides), out var keys))
                keysOf[(goldText, sides)] = keys = GoldKeys(goldText, variants, sides ? affiliations : null);
            return entity.Aliases.Append(entity.Name).Any(a => keys.Contains(NameKey.Of(a)));
        }
        bool DateFits(Event e, Gold g) => g.From is null || (e.Date is { } d && d.From >= g.From && d.To <= g.To);
        bool PlaceRight(Event e, Gold g) => Names(e.Place, g.Place, false);
        bool DoerRight(Event e, Gold g) => e.Actors.Any(a => Names(a, g.Actor, true));
        bool Fits(Event e, Gold g) => e.Type == g.Type && DateFits(e, g)
            && (g.Place is null && g.Actor is null || PlaceRight(e, g) || DoerRight(e, g));

        var results = new List<GoldEventResult>();
        foreach (var g in golds)
        {
            var docs = g.Docs.Select(DocumentOf).OfType<string>().ToHashSet();
            var best = story.Events.Where(e => Fits(e, g) && e.Reports.Any(r => docs.Contains(r.Document)))
                .OrderByDescending(e => e.Reports.Count(r => docs.Contains(r.Document))).FirstOrDefault();
            if (best is null)
            {
                results.Add(new GoldEventResult(g.Id, g.Type, false, false, null, null, g.Conflicts.Count, 0, null));
                continue;
            }
            var merged = docs.Count == g.Docs.Count && docs.All(d => best.Reports.Any(r => r.Document == d));
            var flagged = g.Conflicts.Count(c =>
                Flagged(best, c, c.Docs.Select(DocumentOf).OfType<string>().ToHashSet()));
            results.Add(new GoldEventResult(g.Id, g.Type, true, merged, g.Actor is null ? null : DoerRight(best, g),
                g.Place is null ? null : PlaceRight(best, g), g.Conflicts.Count, flagged, best.Id));
        }
        var found = results.Where(r => r.Found).ToList();
        var matchedSystem = story.Events.Count(e => golds.Any(g => Fits(e, g)));
        return new EventScore(
            golds.Count == 0 ? 1 : (double)found.Count / golds.Count,
            golds.Count == 0 ? 1 : (double)results.Count(r => r.Merged) / golds.Count,
            story.Events.Count == 0 ? 0 : (double)matchedSystem / story.Events.Count, golds.Count, story.Events.Count,
            [.. found.Select(r => r.Id)], [.. results.Where(r => !r.Found).Select(r => r.Id)],
            [.. found.Where(r => !r.Merged).Select(r => r.Id)],
            results.Sum(r => r.Conflicts), results.Sum(r => r.ConflictsFound),
            found.Count(r => r.DoerRight is not null), found.Count(r => r.DoerRight == true),
            found.Count(r => r.PlaceRight is not null), found.Count(r => r.PlaceRight == true), results);
    }

    private static bool Flagged(Event e, GoldConflict gold, HashSet<string> docs) =>
        e.Conflicts.Any(c => (gold.Field == "other" || c.Field == gold.Field)
            && c.Documents.Distinct().Count(docs.Contains) >= 2);

    private static Gold ReadGold(JsonElement e)
    {
        var dates = e.GetProperty("date").EnumerateArray()
            .Select(d => GoldDate(d.GetString()!)).ToList();
        string? Text(string name)
        {
            var v = e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            // "unknown (cause unclear)": the analyst names no one
            return v is null || v.StartsWith("unknown", StringComparison.OrdinalIgnoreCase) || v == "None" ? null : v;
        }
        var conflicts = e.TryGetProperty("conflicts", out var cs)
            ? cs.EnumerateArray().Select(c => new GoldConflict(c.GetProperty("field").GetString()!,
                [.. c.GetProperty("docs").EnumerateArray().Select(d => d.GetString()!)])).ToList()
            : [];
        return new Gold(e.GetProperty("id").GetString()!, e.GetProperty("type").GetString()!,
            dates.Count == 0 ? null : dates.Min(d => d.From), dates.Count == 0 ? null : dates.Max(d => d.To),
            Text("place"), Text("actor"), [.. e.GetProperty("docs").EnumerateArray().Select(d => d.GetString()!)],
            conflicts);
    }

    /// <summary>A gold date: a day, or a month ("2023-05") as all its days.</summary>
    private static (DateOnly From, DateOnly To) GoldDate(string text)
    {
        var inv = CultureInfo.InvariantCulture;
        if (text.Length == 7)
        {
            var first = DateOnly.ParseExact(text + "-01", "yyyy-MM-dd", inv);
            return (first, first.AddMonths(1).AddDays(-1));
        }
        var day = DateOnly.Parse(text, inv);
        return (day, day);
    }

    /// <summary>
    /// The name keys a gold place or actor text stands for: every run of up to five of its words, the variants of a
    /// gold entity named by such a run, and, with <paramref name="affiliations"/>, the country a nationality word
    /// stands for.
    /// </summary>
    private static HashSet<string> GoldKeys(
        string text, List<HashSet<string>> variants, IReadOnlyDictionary<string, string>? affiliations)
    {
        char[] separators = [' ', ',', ';', ':', '(', ')', '/', '\'', '‘', '’', '"'];
        var words = text.Split(separators, StringSplitOptions.RemoveEmptyEntries);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
            for (var n = 1; n <= 5 && i + n <= words.Length; n++)
            {
                var key = NameKey.Of(string.Join(' ', words[i..(i + n)]));
                if (key.Length > 0) keys.Add(key);
            }
        foreach (var v in variants)
            if (v.Overlaps(keys)) keys.UnionWith(v);
        if (affiliations is not null)
            foreach (var w in words)
                if (affiliations.TryGetValue(w, out var country)) keys.Add(NameKey.Of(country));
        return keys;
    }
}
