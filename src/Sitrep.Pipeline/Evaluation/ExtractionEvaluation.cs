using System.Diagnostics;
using System.Text.Json;
using Sitrep.Ingest.Decoding;
using Sitrep.Ingest.Html;

namespace Sitrep.Pipeline.Evaluation;

public sealed record ExtractionScore(double Precision, double Recall, double F1, int Pages, double Seconds, IReadOnlyList<(string Page, double Precision, double Recall)> PerPage)
{
    public double PagesPerSecond => Seconds > 0 ? Pages / Seconds : 0;
}

/// <summary>
/// The article-extraction benchmark's metric: word 4-shingles with counts; per page the true positives, false positives
/// and false negatives are divided by their sum; precision and recall are averaged over pages (a page with nothing
/// predicted is left out of precision, one with nothing true out of recall), and F1 comes from the two means.
/// </summary>
public static class ExtractionEvaluation
{
    public static ExtractionScore Evaluate(string pagesDir, string truthPath)
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(truthPath));
        var pages = Directory.EnumerateFiles(pagesDir).Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        var htmls = pages.Select(p => (Id: Path.GetFileName(p).Split('.')[0], Html: TextDecoder.Decode(Gzip.ReadFile(p)).Text)).ToList();
        var clock = Stopwatch.StartNew();
        var predicted = htmls.Select(h => (h.Id, Body: HtmlArticleExtractor.Extract(h.Html).Body)).ToList();
        var seconds = clock.Elapsed.TotalSeconds;
        var precisions = new List<double>();
        var recalls = new List<double>();
        var perPage = new List<(string, double, double)>();
        foreach (var (id, body) in predicted)
        {
            if (!truth.RootElement.TryGetProperty(id, out var t)) continue;
            var gold = Shingles(t.GetProperty("articleBody").GetString() ?? "");
            var found = Shingles(body);
            double tp = 0, fp = 0, fn = 0;
            foreach (var (k, c) in found) { var g = gold.GetValueOrDefault(k); tp += Math.Min(c, g); fp += Math.Max(0, c - g); }
            foreach (var (k, g) in gold) fn += Math.Max(0, g - found.GetValueOrDefault(k));
            var sum = tp + fp + fn;
            if (sum == 0) continue;
            (tp, fp, fn) = (tp / sum, fp / sum, fn / sum);
            if (tp + fp > 0) precisions.Add(tp / (tp + fp));
            if (tp + fn > 0) recalls.Add(tp / (tp + fn));
            perPage.Add((id, tp + fp > 0 ? tp / (tp + fp) : 0, tp + fn > 0 ? tp / (tp + fn) : 0));
        }
        double p = precisions.Count == 0 ? 0 : precisions.Average(), r = recalls.Count == 0 ? 0 : recalls.Average();
        return new ExtractionScore(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), predicted.Count, seconds, perPage);
    }

    /// <summary>Counts of 4-word shingles over \w+ tokens (letters, digits, marks and connectors, as Python's Unicode \w).</summary>
    private static Dictionary<string, int> Shingles(string text)
    {
        var words = new List<string>();
        var i = 0;
        static bool W(char c) => char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.ConnectorPunctuation;
        while (i < text.Length)
        {
            while (i < text.Length && !W(text[i])) i++;
            var s = i;
            while (i < text.Length && W(text[i])) i++;
            if (i > s) words.Add(text[s..i]);
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k + 4 <= words.Count; k++)
        {
            var key = string.Join(' ', words.Skip(k).Take(4));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }
}
