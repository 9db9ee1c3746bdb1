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
        var neighboursByDocument = new Dictionary<string, List<(double Lat, double Lon)>>(StringComparer.Ordinal);
        foreach (var e in placed)
        {
            if (e.Geo is not { Kind: not "country" } g || gazetteer.IsAmbiguous(e.Name)) continue;
            foreach (var d in e.Mentions.Select(m => m.Document).Distinct())
            {
                if (!neighboursByDocument.TryGetValue(d, out var list)) neighboursByDocument[d] = list = [];
                list.Add((g.Lat, g.Lon));
            }
        }
        placed = placed.Select(e =>
        {
            if (e.Type != "LOC" || e.Geo is null || !gazetteer.IsAmbiguous(e.Name)) return e;
            var neighbours = e.Mentions.Select(m => m.Document).Distinct().SelectMany(d => neighboursByDocument.GetValueOrDefault(d) ?? []).ToList();
            return neighbours.Count == 0 ? e : e with { Geo = gazetteer.Locate(e.Name, StoryCountries(e), neighbours) };
        }).ToList();
        return JoinPlaces(placed);
    }

    /// <summary>
    /// Names placed at the same place, as the same kind of place, are one entity: "Russia" and "Russian Federation",
    /// "Zaporozhye" and "Zaporizhzhia" (the Russian and the Ukrainian name of one city). A region and its capital share
    /// a point but not a kind, so "Kursk region" and "Kursk" stay two.
    /// </summary>
    private static List<Entity> JoinPlaces(List<Entity> entities)
    {
        var result = new List<Entity>();
        foreach (var group in entities.GroupBy(e => e.Geo is { } g ? g.Kind + " " + g.Ref : e.Id))
        {
            var parts = group.OrderByDescending(e => e.Mentions.Count).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
            if (parts.Count == 1) { result.Add(parts[0]); continue; }
            var main = parts[0];
            var reasons = main.Reasons.ToDictionary();
            foreach (var other in parts.Skip(1))
                foreach (var alias in other.Aliases) reasons.TryAdd(alias, $"names the same {(main.Geo!.Kind == "country" ? "country" : "place")} as {main.Name} ({main.Geo.Ref})");
            result.Add(main with
            {
                Aliases = main.Aliases.Concat(parts.Skip(1).SelectMany(p => p.Aliases)).Distinct().ToList(),
                Mentions = parts.SelectMany(p => p.Mentions).OrderBy(m => m.Document, StringComparer.Ordinal).ThenBy(m => m.Span.Start).ToList(),
                Reasons = reasons,
            });
        }
        return result;
    }
}
