using System.Diagnostics;
using Sitrep.Ingest.Decoding;
using Sitrep.Ingest.Html;
using Sitrep.Pipeline.Evaluation;

/// <summary>
/// Sitrep's extractor side by side with SmartReader (a .NET port of readability) and with Sitrep's own extractor on
/// pages parsed by AngleSharp: F1 on the benchmark's metric, and pages per second on one thread after a warm-up.
/// </summary>
internal static class ExtractorComparison
{
    public static int Run(string pagesDir, string truthPath, int rounds)
    {
        (string Name, Func<string, string> Extract)[] extractors =
        [
            ("sitrep", html => HtmlArticleExtractor.Extract(html).Body),
            ("sitrep on AngleSharp", AngleSharpPageTree.Body),
            ("SmartReader", html => new SmartReader.Reader("https://example.org/", html).GetArticle().TextContent ?? ""),
        ];
        var pages = Directory.EnumerateFiles(pagesDir).Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).Select(f => TextDecoder.Decode(Gzip.ReadFile(f)).Text).ToArray();
        Console.WriteLine($"extractors on {pages.Length} pages from {pagesDir}: F1 (4-shingles), pages/s on one thread " +
            $"(best of {rounds} rounds, the extractors taking turns so that a busy machine slows each alike)");
        var scores = extractors.Select(e => ExtractionEvaluation.Evaluate(pagesDir, truthPath, e.Extract)).ToArray();
        var best = extractors.Select(_ => double.MaxValue).ToArray();
        for (var r = 0; r < rounds; r++)
            for (var k = 0; k < extractors.Length; k++)
            {
                var clock = Stopwatch.StartNew();
                foreach (var p in pages) extractors[k].Extract(p);
                best[k] = Math.Min(best[k], clock.Elapsed.TotalSeconds);
            }
        for (var k = 0; k < extractors.Length; k++)
            Console.WriteLine($"  {extractors[k].Name,-22} F1 {scores[k].F1:0.0000} (P {scores[k].Precision:0.0000}, R {scores[k].Recall:0.0000})  {pages.Length / best[k],8:0.0} pages/s");
        return 0;
    }
}
