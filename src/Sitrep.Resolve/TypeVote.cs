using Sitrep.Core.Entities;

namespace Sitrep.Resolve;

/// <summary>
/// The tagger can give one name a different type in each sentence (Stepanakert a person here and a place there, Wagner
/// an organisation and a place), and names of different types never join. So the mentions of one spelling take the type
/// most of them have; a name the gazetteer knows as a place is a place when any of its mentions says so, unless it is
/// the surname of a person named in full (Putin is a town in Peru) or an organisation's name (Wagner is a town too). A
/// name in the team's own tables of countries and exonyms is a place whatever the tagger said (Garabagh as MISC).
/// </summary>
public static class TypeVote
{
    // on a tie, the type that joins most: places are put on the map, organisations have long and short forms
    private static readonly string[] TieOrder = ["LOC", "ORG", "MISC", "PER"];

    /// <param name="isPlace">Whether a name is a known place (the gazetteer), or null without one.</param>
    /// <param name="isListedPlace">Whether a name is in the team's tables of places (countries, exonyms).</param>
    public static List<EntityMention> Agree(IReadOnlyList<EntityMention> mentions, Func<string, bool>? isPlace = null, Func<string, bool>? isListedPlace = null)
    {
        var votes = new Dictionary<string, (string Text, Dictionary<string, int> ByType)>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            var key = NameKey.Of(m.Text);
            if (!votes.TryGetValue(key, out var vote)) votes[key] = vote = (m.Text, new(StringComparer.Ordinal));
            vote.ByType[m.Type] = vote.ByType.GetValueOrDefault(m.Type) + 1;
        }
        var surnames = mentions.Where(m => m.Type == "PER").Select(m => NameKey.Words(m.Text).ToList()).Where(w => w.Count > 1)
            .Select(w => NameKey.Of(w[^1])).ToHashSet(StringComparer.Ordinal);
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, (text, byType)) in votes)
        {
            if (isListedPlace is not null && !surnames.Contains(key) && (byType.Count > 1 || !byType.ContainsKey("LOC")) && isListedPlace(text))
            {
                chosen[key] = "LOC";
                continue;
            }
            if (byType.Count == 1) continue;
            // on a tie a place only if the gazetteer knows it: Spiderweb, a place once and an organisation once, is no place
            var known = isPlace is not null && byType.ContainsKey("LOC") && !surnames.Contains(key) && isPlace(text);
            var type = byType.OrderByDescending(t => t.Value).ThenBy(t => t.Key == "LOC" && !known ? TieOrder.Length : Rank(t.Key)).First().Key;
            var place = type is "PER" or "MISC" && known;
            chosen[key] = place ? "LOC" : type;
        }
        return mentions.Select(m => chosen.TryGetValue(NameKey.Of(m.Text), out var type) && type != m.Type ? m with { Type = type } : m).ToList();
    }

    private static int Rank(string type) => Array.IndexOf(TieOrder, type) is var i and >= 0 ? i : TieOrder.Length;
}
