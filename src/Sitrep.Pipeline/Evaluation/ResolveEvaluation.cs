using System.Text.Json;
using Sitrep.Core.Entities;

namespace Sitrep.Pipeline.Evaluation;

public sealed record ResolveScore(double PairPrecision, double PairRecall, double PairF1, int GoldPairs, int FoundPairs, IReadOnlyList<string> Violations, IReadOnlyList<string> MissedPairs,
    IReadOnlyList<string> WrongPairs);

/// <summary>
/// Scores entity resolution against a gold file in the format of seeds.gold.json: entities with their variants, and
/// pairs that must never merge. Only variants that occur as an alias in the database count; two variants are
/// predicted the same when one entity has both as aliases.
/// </summary>
public static class ResolveEvaluation
{
    public static ResolveScore Evaluate(string goldPath, IReadOnlyList<Entity> entities)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(goldPath));
        var goldEntities = gold.RootElement.GetProperty("entities").EnumerateArray()
            .Select(e => (Name: e.GetProperty("name").GetString()!, Variants: e.GetProperty("variants").EnumerateArray().Select(v => v.GetString()!).ToList()))
            .ToList();
        var aliases = entities.Select(e => e.Aliases.ToHashSet(StringComparer.Ordinal)).ToList();
        bool Present(string v) => aliases.Any(a => a.Contains(v));
        bool Together(string a, string b) => aliases.Any(set => set.Contains(a) && set.Contains(b));

        // a spelling listed under two gold entities (Ivanovo the air base and Ivanovo the region) belongs to both: a pair
        // with it is right when the other spelling shares either
        var variants = goldEntities.SelectMany(g => g.Variants.Where(Present).Distinct().Select(v => (Entity: g.Name, Variant: v)))
            .GroupBy(x => x.Variant, StringComparer.Ordinal).Select(g => (Variant: g.Key, Entities: g.Select(x => x.Entity).ToHashSet())).ToList();
        int goldPairs = 0, foundPairs = 0, correct = 0;
        var (missed, wrong) = (new List<string>(), new List<string>());
        for (var i = 0; i < variants.Count; i++)
            for (var j = i + 1; j < variants.Count; j++)
            {
                var same = variants[i].Entities.Overlaps(variants[j].Entities);
                var together = Together(variants[i].Variant, variants[j].Variant);
                if (same) goldPairs++;
                if (together) foundPairs++;
                if (same && together) correct++;
                if (same && !together) missed.Add($"{variants[i].Variant} ~ {variants[j].Variant}");
                if (!same && together) wrong.Add($"{variants[i].Variant} ({string.Join(", ", variants[i].Entities)}) ~ {variants[j].Variant} ({string.Join(", ", variants[j].Entities)})");
            }

        var violations = new List<string>();
        if (gold.RootElement.TryGetProperty("must_not_merge", out var never))
            foreach (var pair in never.EnumerateArray())
            {
                var a = pair[0].GetString()!;
                var b = pair[1].GetString()!;
                IEnumerable<string> Forms(string n) => goldEntities.FirstOrDefault(g => g.Name == n).Variants?.Append(n) ?? [n];
                // only a spelling of one of the two, not of both, witnesses that they were merged
                var (fa, fb) = (Forms(a).ToList(), Forms(b).ToList());
                var (onlyA, onlyB) = (fa.Except(fb).ToList(), fb.Except(fa).ToList());
                if (onlyA.Any(x => onlyB.Any(y => Together(x, y)))) violations.Add($"{a} / {b}");
            }
        double p = foundPairs == 0 ? 1 : (double)correct / foundPairs, r = goldPairs == 0 ? 1 : (double)correct / goldPairs;
        return new ResolveScore(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), goldPairs, foundPairs, violations, missed, wrong);
    }
}
