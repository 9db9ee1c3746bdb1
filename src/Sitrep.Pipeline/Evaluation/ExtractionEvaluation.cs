using System.Diagnostics;
using System.Text.Json;
using Sitrep.Ingest.Decoding;
using Sitrep.Ingest.Html;

namespace Sitrep.Pipeline.Evaluation;

public sealed record ExtractionScore(double Precision, double Recall, double F1, int Pages, double Seconds, IReadOnlyList<(string Page, double Precision, double Recall)> PerPage)
{
    public double PagesPerSecond => Seconds > 0 ? Pages / Seconds : 0;
}

/// <summary>One held-out fold: the settings chosen on the other folds, their F1 there, and the F1 on this fold's pages.</summary>
public sealed record ExtractionFold(int Pages, ExtractionSettings Chosen, double TrainF1, double HeldOutF1);

/// <summary>k-fold cross-validation of the extractor's settings: the mean held-out F1 is the figure to report.</summary>
public sealed record ExtractionCrossValidation(IReadOnlyList<ExtractionFold> Folds, double MeanHeldOutF1, ExtractionSettings ChosenOnAll, double DefaultF1)
{
    public double StandardDeviation => Math.Sqrt(Folds.Average(f => Math.Pow(f.HeldOutF1 - MeanHeldOutF1, 2)));
}

/// <summary>
/// The article-extraction benchmark's metric: word 4-shingles with counts; per page the true positives, false positives
/// and false negatives are divided by their sum; precision and recall are averaged over pages (a page with nothing
/// predicted is left out of precision, one with nothing true out of recall), and F1 comes from the two means.
/// </summary>
public static class ExtractionEvaluation
{
    public static ExtractionScore Evaluate(string pagesDir, string truthPath, ExtractionSettings? settings = null) =>
        Evaluate(pagesDir, truthPath, html => HtmlArticleExtractor.Extract(html, settings).Body);

    /// <summary>Any extractor, page HTML to article text, on the benchmark's metric (for comparing with peers).</summary>
    public static ExtractionScore Evaluate(string pagesDir, string truthPath, Func<string, string> extract)
    {
        var (pages, truth) = Load(pagesDir, truthPath);
        var clock = Stopwatch.StartNew();
        var predicted = pages.Select(h => (h.Id, Body: extract(h.Html))).ToList();
        var seconds = clock.Elapsed.TotalSeconds;
        var perPage = predicted.Where(p => truth.ContainsKey(p.Id)).Select(p => (p.Id, Score: PageScore.Of(truth[p.Id], p.Body))).ToList();
        var (precision, recall, f1) = PageScore.Mean(perPage.Select(p => p.Score));
        return new ExtractionScore(precision, recall, f1, predicted.Count, seconds,
            perPage.Where(p => p.Score.Counted).Select(p => (p.Id, p.Score.Precision ?? 0, p.Score.Recall ?? 0)).ToList());
    }

    /// <summary>
    /// Splits the pages into <paramref name="folds"/> folds (shuffled with a fixed seed); for each, chooses the settings
    /// of <see cref="ExtractionSettings.Grid"/> with the best F1 on the other folds and scores them on this one.
    /// </summary>
    public static ExtractionCrossValidation CrossValidate(string pagesDir, string truthPath, int folds, int seed = 18)
    {
        var (pages, truth) = Load(pagesDir, truthPath);
        pages = pages.Where(p => truth.ContainsKey(p.Id)).ToList();
        if (folds < 2 || folds > pages.Count) throw new ArgumentOutOfRangeException(nameof(folds), $"between 2 and {pages.Count} folds");
        var grid = ExtractionSettings.Grid();
        // every page under every setting once; the folds then only choose among the scores
        var scores = pages.Select(p => HtmlArticleExtractor.ExtractBodies(p.Html, grid).Select(body => PageScore.Of(truth[p.Id], body)).ToArray()).ToArray();
        var order = Enumerable.Range(0, pages.Count).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[pages.Count];
        for (var k = 0; k < order.Length; k++) fold[order[k]] = k % folds;

        double F1(IEnumerable<int> members, int setting) => PageScore.Mean(members.Select(m => scores[m][setting])).F1;
        int Best(IReadOnlyList<int> members) => Enumerable.Range(0, grid.Count).MaxBy(s => F1(members, s));
        var results = new List<ExtractionFold>();
        for (var f = 0; f < folds; f++)
        {
            var train = Enumerable.Range(0, pages.Count).Where(i => fold[i] != f).ToList();
            var test = Enumerable.Range(0, pages.Count).Where(i => fold[i] == f).ToList();
            var chosen = Best(train);
            results.Add(new ExtractionFold(test.Count, grid[chosen], F1(train, chosen), F1(test, chosen)));
        }
        var all = Enumerable.Range(0, pages.Count).ToList();
        var defaultIndex = grid.ToList().IndexOf(ExtractionSettings.Default);
        var defaultF1 = defaultIndex >= 0 ? F1(all, defaultIndex) : double.NaN;
        return new ExtractionCrossValidation(results, results.Average(r => r.HeldOutF1), grid[Best(all)], defaultF1);
    }

    private static (List<(string Id, string Html)> Pages, Dictionary<string, string> Truth) Load(string pagesDir, string truthPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(truthPath));
        var truth = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("articleBody").GetString() ?? "");
        var pages = Directory.EnumerateFiles(pagesDir)
            .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(p => (Id: Path.GetFileName(p).Split('.')[0], Html: TextDecoder.Decode(Gzip.ReadFile(p)).Text)).ToList();
        return (pages, truth);
    }

    /// <summary>One page's precision and recall (null when left out of that mean).</summary>
    private readonly record struct PageScore(double? Precision, double? Recall)
    {
        public bool Counted => Precision is not null || Recall is not null;

        public static PageScore Of(string gold, string predicted)
        {
            var truth = Shingles(gold);
            var found = Shingles(predicted);
            double tp = 0, fp = 0, fn = 0;
            foreach (var (k, c) in found) { var g = truth.GetValueOrDefault(k); tp += Math.Min(c, g); fp += Math.Max(0, c - g); }
            foreach (var (k, g) in truth) fn += Math.Max(0, g - found.GetValueOrDefault(k));
            var sum = tp + fp + fn;
            if (sum == 0) return default;
            (tp, fp, fn) = (tp / sum, fp / sum, fn / sum);
            return new PageScore(tp + fp > 0 ? tp / (tp + fp) : null, tp + fn > 0 ? tp / (tp + fn) : null);
        }

        public static (double Precision, double Recall, double F1) Mean(IEnumerable<PageScore> pages)
        {
            double p = 0, r = 0;
            int np = 0, nr = 0;
            foreach (var s in pages)
            {
                if (s.Precision is { } sp) { p += sp; np++; }
                if (s.Recall is { } sr) { r += sr; nr++; }
            }
            p = np == 0 ? 0 : p / np;
            r = nr == 0 ? 0 : r / nr;
            return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
        }
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
