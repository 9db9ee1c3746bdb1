using System.Globalization;
using Sitrep.Core.Documents;
using Sitrep.Core.Time;
using Sitrep.Text.Sentences;
using Sitrep.Text.Tokens;

namespace Sitrep.Text.Time;

// Values: numbers and units read, and dates written as TimeML writes them, counted from the article's date.
public static partial class TimeTagger
{

    /// <summary>A year said in words, as broadcast transcripts write it: "nineteen ninety-six", "nineteen ninety", "two thousand".</summary>
    private static (int Year, int Used)? SpokenYear(Context c, int i)
    {
        if (c.L(i) == "two" && c.L(i + 1) == "thousand") return Units.ContainsKey(Singular(c.L(i + 2))) ? null : (2000, 2);
        if (c.L(i) is not ("eighteen" or "nineteen" or "twenty") || !NumberWords.TryGetValue(c.L(i), out var century)) return null;
        var rest = c.L(i + 1);
        var dash = rest.IndexOf('-');
        int? tail = dash > 0 && NumberWords.TryGetValue(rest[..dash], out var tens) && NumberWords.TryGetValue(rest[(dash + 1)..], out var ones) && tens >= 20 && ones is > 0 and < 10 ? tens + ones
            : NumberWords.TryGetValue(rest, out var whole) && whole is >= 10 and < 100 ? whole : null;
        return tail is { } t ? (century * 100 + t, 2) : null;
    }

    private static int? Ordinal(string w)
    {
        if (w.Length < 3 || !char.IsAsciiDigit(w[0])) return null;
        var digits = w.AsSpan().TrimEnd("stndrh");
        return w.Length - digits.Length == 2 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static bool SentenceMentions(Context c, int i, HashSet<string> words)
    {
        for (var k = Math.Max(0, i - 25); k < Math.Min(c.Count, i + 25); k++)
            if (words.Contains(c.L(k))) return true;
        return false;
    }

    private static (int N, int Used) Count(Context c, int i)
    {
        var w = c.L(i);
        if (w == "couple" && c.L(i + 1) == "of") return (2, 2);
        if (Vague.Contains(w)) return (-1, 1);
        if (w == "a" && c.L(i + 1) == "few") return (-1, 2);
        if (w == "a" && c.L(i + 1) == "couple" && c.L(i + 2) == "of") return (2, 3);
        // "twenty four hours", as transcripts write it
        if (NumberWords.TryGetValue(w, out var tens) && tens is >= 20 and < 100 && tens % 10 == 0 && NumberWords.TryGetValue(c.L(i + 1), out var ones) && ones is > 0 and < 10)
            return (tens + ones, 2);
        if (c.Number(i) is { } n) return (n, 1);
        return (0, 0);
    }

    private static int? NumberOf(string w)
    {
        // up to three digits: a four-digit number before a unit is a year ("the 1988 quarter"), not a count
        if (w.Length is > 0 and <= 3 && Digits(w)) return Int(w);
        if (NumberWords.TryGetValue(w, out var n) && n > 0) return n;
        var dash = w.IndexOf('-');
        if (dash > 0 && NumberWords.TryGetValue(w[..dash], out var tens) && NumberWords.TryGetValue(w[(dash + 1)..], out var ones) && tens >= 20 && ones < 10) return tens + ones;
        return null;
    }

    private static bool IsNumberWord(string w) => NumberOf(w) is not null || Vague.Contains(w);

    /// <summary>P3Y, PT4H; decades are written in years and quarters in months, as TimeBank does.</summary>
    private static string Value(int n, (string Code, bool Time) u) => u.Code switch
    {
        "DE" => $"P{n * 10}Y",
        "CE" => $"P{n * 100}Y",
        "Q" => $"P{n * 3}M",
        _ => (u.Time ? "PT" : "P") + n.ToString(CultureInfo.InvariantCulture) + u.Code,
    };

    /// <summary>The singular of a unit word ("weeks" → "week"); any other word unchanged, without allocating.</summary>
    private static string Singular(string w)
    {
        if (w == "centuries") return "century";
        if (w.Length > 3 && w[^1] == 's' && UnitLookup.TryGetValue(w.AsSpan(0, w.Length - 1), out _, out var _)) return w[..^1];
        return w;
    }

    private static readonly Dictionary<string, (string Code, bool Time)>.AlternateLookup<ReadOnlySpan<char>> UnitLookup = Units.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsUnit(string w) => Units.ContainsKey(w);

    private static int MonthOf(string t)
    {
        if (t.Length == 0 || !char.IsLetter(t[0])) return 0;
        var m = CalendarWords.Month(t.AsSpan().TrimEnd('.'));
        if (m == 0) return 0;
        if (char.IsLower(t[0]) && CalendarWords.IsAmbiguousMonthWord(t.AsSpan().TrimEnd('.'))) return 0;
        if (t.Length <= 4 && !t.EndsWith('.') && t.Length < 3) return 0;
        return m;
    }

    private static int? DayNumber(string t)
    {
        var digits = t.Length > 2 && (t.EndsWith("st", StringComparison.Ordinal) || t.EndsWith("nd", StringComparison.Ordinal) || t.EndsWith("rd", StringComparison.Ordinal) || t.EndsWith("th", StringComparison.Ordinal)) ? t[..^2] : t;
        return digits.Length is >= 1 and <= 2 && Digits(digits) && Int(digits) is var d and >= 1 and <= 31 ? d : null;
    }

    private static int? YearAt(Context c, int i) => YearNumber(c.T(i));

    private static int? YearNumber(string t) => t.Length == 4 && Digits(t) && Int(t) is var y and >= 1800 and <= 2100 ? y : null;

    /// <summary>
    /// A day or month without a year: the candidate nearest the article's date (as HeidelTime reads news), leaning to the
    /// future when the sentence looks ahead and to the past otherwise when the two are about as near.
    /// </summary>
    private static string DayValue(Context c, int i, int? year, int month, int day)
    {
        if (year is { } y) return PartialDate.IsValid(y, month, day) ? $"{y:D4}-{month:D2}-{day:D2}" : $"{y:D4}-{month:D2}";
        if (c.Anchor is not { } a) return $"XXXX-{month:D2}-{day:D2}";
        var best = NearestYear(a, c.Future[i], y2 => PartialDate.IsValid(y2, month, day) ? new DateOnly(y2, month, day) : null);
        return $"{best:D4}-{month:D2}-{day:D2}";
    }

    private static string MonthValue(Context c, int i, int month)
    {
        if (c.Anchor is not { } a) return $"XXXX-{month:D2}";
        var best = NearestYear(a, c.Future[i], y => new DateOnly(y, month, 15));
        return $"{best:D4}-{month:D2}";
    }

    /// <summary>
    /// How far a date on the wrong side of the article, for the sentence's tense, is pushed away. Measured on TimeBank:
    /// a strict 400 loses 30 values, since news often gives a near-future date ("Nov. 21") with no tense cue at all.
    /// </summary>
    private const int WrongWay = 120;

    private static int NearestYear(DateOnly a, bool future, Func<int, DateOnly?> candidate)
    {
        var best = a.Year;
        var bestDistance = int.MaxValue;
        foreach (var y in new[] { a.Year - 1, a.Year, a.Year + 1 })
        {
            if (candidate(y) is not { } d) continue;
            var distance = Math.Abs(d.DayNumber - a.DayNumber);
            // a sentence about the future moves a date in the recent past a year on; one about the past, the reverse
            if (future && d < a.AddDays(-1)) distance += WrongWay;
            if (!future && d > a.AddDays(1)) distance += WrongWay;
            if (distance < bestDistance) { best = y; bestDistance = distance; }
        }
        return best;
    }

    private static Match Day(int length, DateOnly? anchor, int offset) => new(length, TimexType.Date, DayString(anchor?.AddDays(offset)));

    private static string DayString(DateOnly? d) => d is { } x ? x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "XXXX-XX-XX";

    private static string WeekdayValue(DateOnly? anchor, DayOfWeek wd, int direction) => DayString(WeekdayDate(anchor, wd, direction, includeToday: false));

    private static DateOnly? WeekdayDate(DateOnly? anchor, DayOfWeek wd, int direction, bool includeToday = true)
    {
        if (anchor is not { } a) return null;
        if (direction < 0)
        {
            var back = ((int)a.DayOfWeek - (int)wd + 7) % 7;
            if (back == 0 && !includeToday) back = 7;
            return a.AddDays(-back);
        }
        var ahead = ((int)wd - (int)a.DayOfWeek + 7) % 7;
        if (ahead == 0 && !includeToday) ahead = 7;
        return a.AddDays(ahead);
    }

    private static string Shift(DateOnly a, string unit, int n) => unit switch
    {
        "Y" => $"{a.Year + n:D4}",
        "M" => a.AddMonths(n).ToString("yyyy-MM", CultureInfo.InvariantCulture),
        "W" or "WE" => IsoWeek(a.AddDays(7 * n)),
        "D" => DayString(a.AddDays(n)),
        "Q" => QuarterOf(a.AddMonths(3 * n)),
        "DE" => ((a.Year + 10 * n) / 10).ToString(CultureInfo.InvariantCulture),
        "CE" => ((a.Year + 100 * n) / 100).ToString(CultureInfo.InvariantCulture),
        _ => DayString(a),
    };

    private static string IsoWeek(DateOnly d) => $"{ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)):D2}";

    private static string QuarterOf(DateOnly d) => QuarterValue(d.Year, QuarterNumber(d));

    private static int QuarterNumber(DateOnly d) => (d.Month + 2) / 3;

    private static string QuarterValue(int year, int quarter) => $"{year:D4}-Q{quarter}";

    /// <summary>True when the season comes after the anchor's date within its year (spring from January, say).</summary>
    private static bool SeasonAfter(string season, DateOnly a) => season switch
    {
        "SP" => a.Month < 3,
        "SU" => a.Month < 6,
        "FA" => a.Month < 9,
        _ => a.Month < 12,
    };

    private static bool Digits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
}
