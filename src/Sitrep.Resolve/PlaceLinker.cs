using Sitrep.Core.Entities;

namespace Sitrep.Resolve;

/// <summary>
/// Puts places on the map: each LOC entity is looked up in the gazetteer; among namesakes the one near the story's other
/// (unambiguous) places wins, then the one in the countries its stories name, then the most populous.
/// </summary>
public static class PlaceLinker
{
    /// <param name="senses">What the text around a place mention says it names: a mention that points at a town stays the town.</param>
    public static List<Entity> Link(IReadOnlyList<Entity> entities, Gazetteer gazetteer, IReadOnlyDictionary<EntityMention, PlaceSense>? senses = null)
    {
        // the countries each document names, by the number of mentions
        var countriesByDocument = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var e in entities.Where(e => e.Type == "LOC"))
        {
            if (gazetteer.CountryOf(e.Name) is not { } code) continue;
            foreach (var m in e.Mentions)
            {
                if (!countriesByDocument.TryGetValue(m.Document, out var counts)) countriesByDocument[m.Document] = counts = new(StringComparer.Ordinal);
                counts[code] = counts.GetValueOrDefault(code) + 1;
            }
        }
        List<string> StoryCountries(Entity e) => e.Mentions.Select(m => m.Document).Distinct()
            .SelectMany(d => countriesByDocument.GetValueOrDefault(d) ?? [])
            .GroupBy(kv => kv.Key).OrderByDescending(g => g.Sum(kv => kv.Value)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        var placed = entities.Select(e => e.Type == "LOC" ? e with { Geo = gazetteer.Locate(e.Name, StoryCountries(e)) } : e).ToList();

        // then namesakes again, beside the places of their stories that only one place answers to
        var neighboursByDocument = ByDocument(placed.Where(e => e.Geo is { Kind: not "country" } && !gazetteer.IsAmbiguous(e.Name)), e => (e.Geo!.Lat, e.Geo.Lon));
        placed = placed.Select(e =>
        {
            if (e.Type != "LOC" || e.Geo is null || !gazetteer.IsAmbiguous(e.Name)) return e;
            var neighbours = e.Mentions.Select(m => m.Document).Distinct().SelectMany(d => neighboursByDocument.GetValueOrDefault(d) ?? []).ToList();
            return neighbours.Count == 0 ? e : e with { Geo = gazetteer.Locate(e.Name, StoryCountries(e), neighbours) };
        }).ToList();
        return CapitalsThatNameTheirRegion(Misspellings(JoinPlaces(placed)), senses ?? new Dictionary<EntityMention, PlaceSense>());
    }

    /// <summary>Names shorter than this are never taken for misspellings: Sumy is not Suja.</summary>
    private const int ShortestMisspelt = 6;

    /// <summary>
    /// A name the gazetteer does not know, one slip (a letter changed, added or dropped, or two swapped) from the name of a
    /// place of the collection, is that name misspelt: Stepanekert, Ukarine, Dyabilevo. Only when one place answers, the
    /// misspelling of one word (whatever the tagger called it) and not more common than the place. Two names the gazetteer
    /// knows are never joined so: Pokrovsk is not Pokrovske.
    /// </summary>
    private static List<Entity> Misspellings(List<Entity> entities)
    {
        var places = entities.Where(e => e.Type == "LOC").Select(e => (Entity: e, Key: NameKey.Of(e.Name)))
            .Where(p => p.Key.Length >= ShortestMisspelt).ToList();
        var into = new Dictionary<Entity, Entity>();
        foreach (var e in entities.Where(e => e.Geo is null && !e.Name.Contains(' ')))
        {
            var key = NameKey.Of(e.Name);
            if (key.Length < ShortestMisspelt || e.Type != "LOC" && key.Length <= ShortestMisspelt) continue;
            var near = places.Where(p => p.Entity != e && (e.Type == "LOC" || p.Entity.Geo is not null) && OneSlip(key, p.Key)).Take(2).ToList();
            if (near.Count == 1 && near[0].Entity.Mentions.Count >= e.Mentions.Count) into[e] = near[0].Entity;
        }
        foreach (var chained in into.Where(kv => into.ContainsKey(kv.Value)).Select(kv => kv.Key).ToList()) into.Remove(chained);
        if (into.Count == 0) return entities;
        var gained = into.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).ToList());
        return entities.Where(e => !into.ContainsKey(e)).Select(e => gained.TryGetValue(e, out var slips)
            ? Absorb(e, slips.SelectMany(s => s.Aliases), slips.SelectMany(s => s.Mentions), _ => $"one letter from {e.Name}, a name no place bears")
            : e).ToList();
    }

    /// <summary>Whether two keys differ by one letter changed, added or dropped, or two neighbours swapped.</summary>
    private static bool OneSlip(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1) return false;
        if (a.Length == b.Length)
        {
            var diffs = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
            return diffs.Count == 1 || diffs.Count == 2 && diffs[1] == diffs[0] + 1 && a[diffs[0]] == b[diffs[1]] && a[diffs[1]] == b[diffs[0]];
        }
        return NameKey.Distance(a, b, 1) == 1;
    }

    /// <summary>How near a place must lie to a regional capital for its story to be about the region around it.</summary>
    private const double AroundKm = 150;

    /// <summary>
    /// A bare name that is both a region's and its capital's ("Kursk") names the region in a story that also names a town
    /// around the capital (Sudzha, 90 km off) when the collection speaks of that region: such a story is about the region
    /// at large, as the same name beside "Kursk region" is within one story. Decided story by story; a story that says
    /// "city" keeps the city.
    /// </summary>
    private static List<Entity> CapitalsThatNameTheirRegion(List<Entity> entities, IReadOnlyDictionary<EntityMention, PlaceSense> senses)
    {
        var regions = entities.Where(e => e.Geo is { Kind: "admin1" }).GroupBy(e => e.Geo!.Ref).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First());
        if (regions.Count == 0) return entities;
        var townsByDocument = ByDocument(entities.Where(e => e.Geo is { Kind: "city" }), e => e);
        var moved = new Dictionary<Entity, List<EntityMention>>();
        var replaced = new Dictionary<Entity, Entity?>();
        var capitalOf = new Dictionary<(Entity Region, string Alias), string>();
        foreach (var e in entities)
        {
            if (e.Geo is not { Kind: "city" } g || !regions.TryGetValue(g.Ref, out var region) || !NamedAfter(region, e)) continue;
            bool Around(string d) => (townsByDocument.GetValueOrDefault(d) ?? []).Any(t => t != e && t.Geo!.Ref != g.Ref
                && Gazetteer.Kilometres(g.Lat, g.Lon, t.Geo.Lat, t.Geo.Lon) is > 5 and <= AroundKm);
            var stories = e.Mentions.GroupBy(m => m.Document)
                .Where(s => !s.Any(m => Gazetteer.SaysCity(m.Text)) && Around(s.Key))
                .SelectMany(s => s).Where(m => senses.GetValueOrDefault(m) != PlaceSense.City).ToList();
            if (stories.Count == 0) continue;
            if (!moved.TryGetValue(region, out var into)) moved[region] = into = [];
            into.AddRange(stories);
            foreach (var m in stories) capitalOf.TryAdd((region, m.Text), e.Name);
            var rest = e.Mentions.Except(stories).ToList();
            replaced[e] = rest.Count == 0 ? null : e with { Mentions = rest, Aliases = e.Aliases.Where(a => rest.Any(m => m.Text == a)).ToList() };
        }
        if (moved.Count == 0) return entities;
        var result = new List<Entity>();
        foreach (var e in entities)
        {
            if (replaced.TryGetValue(e, out var kept)) { if (kept is not null) result.Add(kept); continue; }
            if (!moved.TryGetValue(e, out var extra)) { result.Add(e); continue; }
            result.Add(Absorb(e, extra.Select(m => m.Text), extra, alias => $"the region {e.Name}: its stories name places around {capitalOf[(e, alias)]}"));
        }
        return result;
    }

    /// <summary>Whether a region bears the town's name ("Kursk region", "Kursk"), not only its seat (Karabakh, Stepanakert).</summary>
    private static bool NamedAfter(Entity region, Entity town)
    {
        var stems = region.Aliases.Select(a => NameKey.Words(a).ToList()).Where(w => w.Count > 1 && Gazetteer.IsRegionWord(w[^1]))
            .Select(w => NameKey.Of(string.Join(' ', w.SkipLast(1)))).ToHashSet(StringComparer.Ordinal);
        return town.Aliases.Any(a => stems.Contains(NameKey.Of(a)));
    }

    /// <summary>For each document, what <paramref name="value"/> gives for each of the entities it mentions.</summary>
    private static Dictionary<string, List<T>> ByDocument<T>(IEnumerable<Entity> entities, Func<Entity, T> value)
    {
        var result = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var e in entities)
            foreach (var d in e.Mentions.Select(m => m.Document).Distinct())
            {
                if (!result.TryGetValue(d, out var list)) result[d] = list = [];
                list.Add(value(e));
            }
        return result;
    }

    /// <summary><paramref name="main"/> with more aliases and mentions, each new alias with the reason it joined.</summary>
    private static Entity Absorb(Entity main, IEnumerable<string> aliases, IEnumerable<EntityMention> mentions, Func<string, string> why)
    {
        var added = aliases.ToList();
        var reasons = main.Reasons.ToDictionary();
        foreach (var alias in added) reasons.TryAdd(alias, why(alias));
        return main with
        {
            Aliases = main.Aliases.Concat(added).Distinct().ToList(),
            Mentions = main.Mentions.Concat(mentions).OrderBy(m => m.Document, StringComparer.Ordinal).ThenBy(m => m.Span.Start).ToList(),
            Reasons = reasons,
        };
    }

    /// <summary>
    /// Names placed at the same place, as the same kind of place, are one entity: "Russia" and "Russian Federation",
    /// "Zaporozhye" and "Zaporizhzhia" (the Russian and the Ukrainian name of one city). A region and its capital share
    /// a point but not a kind, so "Kursk region" and "Kursk" stay two (unless the story is about the region at large).
    /// </summary>
    private static List<Entity> JoinPlaces(List<Entity> entities)
    {
        var result = new List<Entity>();
        foreach (var group in entities.Select((e, i) => (e, i)).GroupBy(x => x.e.Geo is { } g ? g.Kind + " " + g.Ref : "#" + x.i, x => x.e))
        {
            var parts = group.OrderByDescending(e => e.Mentions.Count).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
            if (parts.Count == 1) { result.Add(parts[0]); continue; }
            var main = parts[0];
            var others = parts.Skip(1).ToList();
            result.Add(Absorb(main, others.SelectMany(p => p.Aliases), others.SelectMany(p => p.Mentions),
                _ => $"names the same {(main.Geo!.Kind == "country" ? "country" : "place")} as {main.Name} ({main.Geo.Ref})"));
        }
        return result;
    }
}
