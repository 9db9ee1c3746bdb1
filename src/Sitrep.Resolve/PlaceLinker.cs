using Sitrep.Core.Entities;

namespace Sitrep.Resolve;

/// <summary>
/// Puts places on the map: each LOC entity is looked up in the gazetteer; among namesakes the one near the story's other
/// (unambiguous) places wins, then the one in the countries its stories name, then the most populous.
/// </summary>
public static class PlaceLinker
{
    public static List<Entity> Link(IReadOnlyList<Entity> entities, Gazetteer gazetteer)
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
        return CapitalsThatNameTheirRegion(JoinPlaces(placed));
    }

    /// <summary>How near a place must lie to a regional capital for its story to be about the region around it.</summary>
    private const double AroundKm = 150;

    /// <summary>
    /// A bare name that is both a region's and its capital's ("Kursk") names the region in a story that also names a town
    /// around the capital (Sudzha, 90 km off) when the collection speaks of that region: such a story is about the region
    /// at large, as the same name beside "Kursk region" is within one story. Decided story by story; a story that says
    /// "city" keeps the city.
    /// </summary>
    private static List<Entity> CapitalsThatNameTheirRegion(List<Entity> entities)
    {
        var regions = entities.Where(e => e.Geo is { Kind: "admin1" }).GroupBy(e => e.Geo!.Ref).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First());
        if (regions.Count == 0) return entities;
        var townsByDocument = ByDocument(entities.Where(e => e.Geo is { Kind: "city" }), e => e);
        var moved = new Dictionary<Entity, List<EntityMention>>();
        var replaced = new Dictionary<Entity, Entity?>();
        var capitalOf = new Dictionary<(Entity Region, string Alias), string>();
        foreach (var e in entities)
        {
            if (e.Geo is not { Kind: "city" } g || !regions.TryGetValue(g.Ref, out var region)) continue;
            bool Around(string d) => (townsByDocument.GetValueOrDefault(d) ?? []).Any(t => t != e && t.Geo!.Ref != g.Ref
                && Gazetteer.Kilometres(g.Lat, g.Lon, t.Geo.Lat, t.Geo.Lon) is > 5 and <= AroundKm);
            var stories = e.Mentions.GroupBy(m => m.Document)
                .Where(s => !s.Any(m => Gazetteer.SaysCity(m.Text)) && Around(s.Key))
                .SelectMany(s => s).ToList();
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
        foreach (var group in entities.GroupBy(e => e.Geo is { } g ? g.Kind + " " + g.Ref : e.Id))
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
