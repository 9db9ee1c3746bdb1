using System.Globalization;
using Sitrep.Core.Documents;
using Sitrep.Core.Time;
using Sitrep.Text.Sentences;
using Sitrep.Text.Tokens;

namespace Sitrep.Text.Time;

// Quarters and halves as results news names them: "the third quarter", "the year-earlier period".
public static partial class TimeTagger
{
    private static Match? Quarter(Context c, int i)
    {
        if (c.Reported is not { } reported || c.Anchor is not { } a) return null;
        var w = c.L(i);
        // the quarter, that quarter, this quarter's loss, the latest quarter: the quarter being reported; the current quarter is today's
        if (w is "the" or "this" or "that" && (c.L(i + 1) == "quarter" || (c.L(i + 1) is "latest" or "current" or "recent" or "just-ended" && c.L(i + 2) == "quarter")))
        {
            var now = c.L(i + 1) == "current" || (w == "this" && c.Future[i]);
            var length = c.L(i + 1) == "quarter" ? 2 : 3;
            // "the quarter a year ago"
            if (c.L(i + length) == "a" && c.L(i + length + 1) == "year" && c.L(i + length + 2) is "ago" or "earlier")
                return new Match(length + 3, TimexType.Date, QuarterValue(reported.Year - 1, reported.Quarter));
            return new Match(length, TimexType.Date, now ? QuarterOf(a) : QuarterValue(reported.Year, reported.Quarter));
        }
        var j = w == "the" ? i + 1 : i;
        // the corresponding period last year, the same quarter a year earlier
        if (w == "the" && c.L(j) is "corresponding" or "comparable" or "same" && c.L(j + 1) is "period" or "quarter")
        {
            var ago = c.L(j + 2) == "last" && c.L(j + 3) == "year" ? 2 : c.L(j + 2) == "a" && c.L(j + 3) == "year" && c.L(j + 4) is "ago" or "earlier" ? 3 : 0;
            if (ago > 0) return new Match(j - i + 2 + ago, TimexType.Date, QuarterValue(reported.Year - 1, reported.Quarter));
        }
        // the year-earlier quarter, the year-ago third quarter, the comparable year-ago period: a year before the quarter reported
        if (c.L(j) is "comparable" or "corresponding" && c.L(j + 1) is "year-earlier" or "year-ago") j++;
        if (c.L(j) is "year-earlier" or "year-ago")
        {
            // "the year-earlier nine months" is a span, read by Duration
            if (Count(c, j + 1).Used > 0) return null;
            var ordinal = Ordinals.TryGetValue(c.L(j + 1), out var oq) && c.L(j + 2) == "quarter";
            var length = j - i + 1 + (ordinal ? 2 : c.L(j + 1) is "quarter" or "period" ? 1 : 0);
            return new Match(length, TimexType.Date, QuarterValue(reported.Year - 1, ordinal ? oq : reported.Quarter));
        }
        // next year's first quarter, last year's quarter
        int? yearOffset = c.L(j) switch { "next" => 1, "last" => -1, "this" => 0, _ => null };
        if (yearOffset is { } yo && c.L(j + 1) is "year's" or "year" && (c.L(j + 1) == "year's" || c.T(j + 2) is "'s" or "’s"))
        {
            var k = j + (c.L(j + 1) == "year's" ? 2 : 3);
            if (c.L(k) == "quarter") return new Match(k - i + 1, TimexType.Date, QuarterValue(a.Year + yo, reported.Quarter));
            if (Ordinals.TryGetValue(c.L(k), out var nq) && c.L(k + 1) == "quarter") return new Match(k - i + 2, TimexType.Date, Name(c, a.Year + yo, nq));
            if (c.L(k).EndsWith("-quarter", StringComparison.Ordinal) && Ordinals.TryGetValue(c.L(k)[..^8], out var dq)) return new Match(k - i + 1, TimexType.Date, Name(c, a.Year + yo, dq));
            return null;
        }
        if (c.L(j) == "fiscal" || c.L(j) == "flat") j++;
        var word = c.L(j);
        if (word.StartsWith("fiscal-", StringComparison.Ordinal)) word = word[7..];
        // the 1988 second quarter, the 1988 quarter, the 1989 period
        if (YearAt(c, j) is { } qy)
        {
            if (Ordinals.TryGetValue(c.L(j + 1), out var q2) && c.L(j + 2) == "quarter") return new Match(j - i + 3, TimexType.Date, QuarterValue(qy, q2));
            if (w == "the" && c.L(j + 1) is "quarter" or "period") return new Match(j - i + 2, TimexType.Date, QuarterValue(qy, reported.Quarter));
        }
        // the first half, the last half of 1989, the first two quarters of 1990
        var half = word switch { "first" => 1, "second" or "last" => 2, _ => 0 };
        var halfLength = c.L(j + 1) == "half" ? 2 : c.L(j + 1) == "two" && c.L(j + 2) == "quarters" && half == 1 ? 3 : 0;
        if (half > 0 && halfLength > 0)
        {
            var of = c.L(j + halfLength) == "of" ? YearAt(c, j + halfLength + 1) : null;
            if (of is null && word == "last") return null;
            return new Match(j - i + halfLength + (of is null ? 0 : 2), TimexType.Date, $"{of ?? a.Year:D4}-H{half}");
        }
        int? quarter = null;
        var used = 0;
        if (word.EndsWith("-quarter", StringComparison.Ordinal) && Ordinals.TryGetValue(word[..^8], out var hq)) { quarter = hq; used = 1; }
        else if (Ordinals.TryGetValue(word, out var o2) && c.L(j + 1) == "quarter") { quarter = o2; used = 2; }
        if (quarter is not { } nth) return null;
        var year = YearAt(c, j + used) ?? (c.L(j + used) == "of" ? YearAt(c, j + used + 1) : null);
        var extra = year is null ? 0 : c.L(j + used) == "of" ? 2 : 1;
        var y = year ?? (nth > QuarterNumber(a) && !c.Future[i] ? a.Year - 1 : a.Year);
        return new Match(j - i + used + extra, TimexType.Date, Name(c, y, nth));
    }

    /// <summary>
    /// An explicit quarter. The latest one named that has ended by the report's date is the one the report speaks of:
    /// results news names the quarter it reports, and compares it with earlier ones or looks ahead to the current one.
    /// </summary>
    private static string Name(Context c, int year, int quarter)
    {
        var ended = c.Anchor is not { } a || year < a.Year || (year == a.Year && quarter < QuarterNumber(a));
        if (ended && (c.Named is not { } n || (year, quarter).CompareTo(n) > 0)) c.Named = (year, quarter);
        return QuarterValue(year, quarter);
    }

}
