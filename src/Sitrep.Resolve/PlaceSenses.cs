using System.Text.RegularExpressions;
using Sitrep.Core.Entities;

namespace Sitrep.Resolve;

/// <summary>What the words around a bare place name say it names: the town itself, or the region named after it.</summary>
public enum PlaceSense { Unknown, City, Region }

/// <summary>
/// Reads the words around a bare place name, because a region and its capital share one ("Voronezh", "Donetsk") and only
/// the text tells them apart. A point: "the city of Voronezh", "north of Russian-occupied Donetsk", "away from Donetsk",
/// "near Irkutsk". A region: a list closed by a plural region word ("Murmansk, Ivanovo and Amur regions") or an
/// apposition ("Kursk, the Russian region"), or the article English gives regions and not towns ("linking Crimea to the
/// Krasnodar"): the resolver takes these for the region only where the collection names it. Anything else is unknown.
/// </summary>
public static partial class PlaceSenses
{
    private const int Window = 80;

    // words before the name that make it a point on the map; one modifier may stand between ("north of occupied Donetsk")
    [GeneratedRegex(@"(?:\b(?i:city|town|village|outskirts|centre|center|suburbs|streets|mayor) of|\b(?i:north|south|east|west|"
        + @"north-?east|north-?west|south-?east|south-?west)(?:ern)? of(?: (?:\p{L}+-[\p{L}-]+|\p{Ll}+))?"
        + @"|\b(?i:near|outside|from|towards?|nearby))\s+$")]
    private static partial Regex PointBefore();

    // after the name: more names and a plural region word, or the word region itself ("Ivanovo, Ryazan and Amur regions")
    [GeneratedRegex(@"^(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?\p{Lu}[\p{L}’'-]*(?:\s\p{Lu}[\p{L}’'-]*)?)*"
        + @"\s+(?i:regions?|oblasts?|provinces?|krais?)\b|^,\s+(?:the|a)\s+(?:[\p{L}-]+\s+){0,2}(?i:region|oblast|province)\b")]
    private static partial Regex RegionAfter();

    [GeneratedRegex(@"\b(?i:the)\s+$")]
    private static partial Regex ArticleBefore();

    /// <summary>The sense of a mention of a place at <paramref name="start"/>..<paramref name="end"/> of <paramref name="body"/>.</summary>
    public static PlaceSense Of(string body, int start, int end)
    {
        if (start < 0 || end > body.Length || start >= end) return PlaceSense.Unknown;
        var before = body[Math.Max(0, start - Window)..start];
        var after = body[end..Math.Min(body.Length, end + Window)];
        if (PointBefore().IsMatch(before)) return PlaceSense.City;
        return RegionAfter().IsMatch(after) || ArticleBefore().IsMatch(before) ? PlaceSense.Region : PlaceSense.Unknown;
    }

    /// <summary>The senses of the place mentions whose text says one, for the resolver and the place linker.</summary>
    public static Dictionary<EntityMention, PlaceSense> Of(IEnumerable<EntityMention> mentions, Func<string, string?> body)
    {
        var senses = new Dictionary<EntityMention, PlaceSense>();
        foreach (var doc in mentions.Where(m => m.Type == "LOC").GroupBy(m => m.Document))
        {
            if (body(doc.Key) is not { } text) continue;
            foreach (var m in doc)
                if (Of(text, m.Span.Start, m.Span.End) is not PlaceSense.Unknown and var sense) senses[m] = sense;
        }
        return senses;
    }
}
