using System.Diagnostics;
using Sitrep.Core.Time;

namespace Sitrep.Text.Time;

public sealed record TimeScore(
    double StrictPrecision, double StrictRecall, double StrictF1,
    double RelaxedPrecision, double RelaxedRecall, double RelaxedF1,
    double TypeAccuracy, double ValueAccuracy, int Docs, int Gold, int Predicted, double Seconds,
    IReadOnlyList<(string Document, string Text, string Gold, string Found)> ValueErrors)
{
    public double DocsPerSecond => Seconds > 0 ? Docs / Seconds : 0;
}

/// <summary>
/// TempEval-3's measures: strict (exact span) and relaxed (overlapping span) precision, recall and F1, and the share of
/// relaxed matches whose type and whose value are right. The creation date anchors the tagger and is not scored.
/// </summary>
public static class TimeEvaluation
{
    public static TimeScore Evaluate(IReadOnlyList<TimeMlDocument> docs)
    {
        var clock = Stopwatch.StartNew();
        var predictions = docs.Select(d => TimeTagger.Tag(d.Text, d.CreationDate)).ToList();
        var seconds = clock.Elapsed.TotalSeconds;
        int gold = 0, found = 0, strict = 0, relaxedGold = 0, relaxedFound = 0, matched = 0, typeRight = 0, valueRight = 0;
        var errors = new List<(string, string, string, string)>();
        for (var k = 0; k < docs.Count; k++)
        {
            var g = docs[k].Timexes;
            var p = predictions[k];
            gold += g.Count;
            found += p.Count;
            strict += p.Count(x => g.Any(y => y.Span == x.Span));
            relaxedFound += p.Count(x => g.Any(y => y.Span.Overlaps(x.Span)));
            foreach (var x in p.Where(x => !g.Any(y => y.Span.Overlaps(x.Span)))) errors.Add((docs[k].Name, x.Span.Of(docs[k].Text), "(spurious)", x.Value));
            foreach (var y in g)
            {
                var x = p.Where(x => x.Span.Overlaps(y.Span)).OrderByDescending(x => Math.Min(x.Span.End, y.Span.End) - Math.Max(x.Span.Start, y.Span.Start)).FirstOrDefault();
                if (x.Span.Length == 0) { errors.Add((docs[k].Name, y.Span.Of(docs[k].Text), y.Value, "(missed)")); continue; }
                relaxedGold++;
                matched++;
                if (TimeExpression.TypeName(x.Type) == y.Type) typeRight++;
                if (x.Value == y.Value) valueRight++;
                else errors.Add((docs[k].Name, y.Span.Of(docs[k].Text), y.Value, x.Value));
            }
        }
        static double F(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
        double sp = Ratio(strict, found), sr = Ratio(strict, gold), rp = Ratio(relaxedFound, found), rr = Ratio(relaxedGold, gold);
        return new TimeScore(sp, sr, F(sp, sr), rp, rr, F(rp, rr), Ratio(typeRight, matched), Ratio(valueRight, matched), docs.Count, gold, found, seconds, errors);
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}
