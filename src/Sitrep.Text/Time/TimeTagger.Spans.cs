using System.Globalization;
using Sitrep.Core.Documents;
using Sitrep.Core.Time;
using Sitrep.Text.Sentences;
using Sitrep.Text.Tokens;

namespace Sitrep.Text.Time;

// Clock times, weekdays, sets, durations and years.
public static partial class TimeTagger
{
    // ---- times, weekdays, sets, durations, years -------------------------------------------------------------------

    private static Match? ClockTime(Context c, int i)
    {
        var t = c.L(i);
        int hour, minute = -1, used;
        if (t is "noon" or "midday") { hour = 12; minute = 0; used = 1; }
        else if (t == "midnight") { hour = 0; minute = 0; used = 1; }
        else if (t.Length is >= 4 and <= 5 && t.Contains(':') && t.Split(':') is [var hh, var mm] && Digits(hh) && mm.Length == 2 && Digits(mm))
        {
            (hour, minute, used) = (Int(hh), Int(mm), 1);
            if (hour > 23 || minute > 59) return null;
            if (!Morning.Contains(c.L(i + 1)) && !Evening.Contains(c.L(i + 1)) && !Zones.Contains(c.L(i + 1)) && !ClockCues.Contains(c.L(i - 1))) return null;
        }
        else if (t.Length <= 2 && Digits(t) && (Morning.Contains(c.L(i + 1)) || Evening.Contains(c.L(i + 1)) || OClock.Contains(c.L(i + 1)))) { hour = Int(t); used = 1; }
        else return null;
        var ampm = c.L(i + used);
        if (Morning.Contains(ampm)) { if (hour == 12) hour = 0; used++; }
        else if (Evening.Contains(ampm)) { if (hour < 12) hour += 12; used++; }
        else if (OClock.Contains(ampm)) used++;
        if (Zones.Contains(c.L(i + used))) used++;
        var day = c.Anchor;
        var after = i + used;
        if (c.T(after) == ",") after++;
        var length = used;
        if (c.Weekday(after) is { } wd) { day = WeekdayDate(c.Anchor, wd, c.Future[i] ? 1 : -1); length = after - i + 1; }
        else if (MonthDate(c, after) is { } md && md.Value.Length == 10) { day = DateOnly.ParseExact(md.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture); length = after - i + md.Length; }
        else if (c.L(after) is "today" or "yesterday" or "tomorrow") { day = c.L(after) switch { "yesterday" => c.Anchor?.AddDays(-1), "tomorrow" => c.Anchor?.AddDays(1), _ => c.Anchor }; length = after - i + 1; }
        var clock = $"T{hour:D2}:{Math.Max(0, minute):D2}";
        return new Match(length, TimexType.Time, DayString(day) + clock);
    }

    private static Match? Weekday(Context c, int i)
    {
        var j = c.L(i) is "on" or "last" or "next" or "this" ? i + 1 : i;
        if (c.Weekday(j) is not { } wd) return null;
        // "Friday, August 9": the date says which Friday
        var dateAfter = c.T(j + 1) == "," ? MonthDate(c, j + 2) : null;
        if (dateAfter is { } da && da.Value.Length == 10) return new Match(j - i + 2 + da.Length, TimexType.Date, da.Value, Start: c.L(i) == "on" ? 1 : 0);
        var direction = c.L(i) switch { "last" => -1, "next" => 1, _ => c.Future[j] ? 1 : -1 };
        var day = WeekdayDate(c.Anchor, wd, direction, includeToday: c.L(i) is not ("last" or "next"));
        var start = c.L(i) == "on" ? 1 : 0;
        // without an anchor the weekday is all that is known, in TimeML's form: XXXX-WXX-2 for a Tuesday
        var value = day is null ? $"XXXX-WXX-{IsoDay(wd)}" : DayString(day);
        if (PartOfDay(c, j + 1, day) is { } part) return new Match(j - i + 2, TimexType.Time, value + part.Value[part.Value.IndexOf('T')..], Start: start, Ahead: direction > 0);
        return new Match(j - i + 1, TimexType.Date, value, Start: start, Ahead: direction > 0);
    }

    private static Match? Set(Context c, int i)
    {
        var w = c.L(i);
        // "every Thursday", "on Mondays": a weekday that recurs
        if (w is "every" or "each" && c.Weekday(i + 1) is { } each) return new Match(2, TimexType.Set, $"XXXX-WXX-{IsoDay(each)}");
        if (w is "every" or "each" && c.Month(i + 1) is var month and > 0) return new Match(2, TimexType.Set, $"XXXX-{month:D2}");
        if (w.Length > 6 && w[^1] == 's' && CalendarWords.Weekday(c.T(i).AsSpan()[..^1]) is { } plural) return new Match(1, TimexType.Set, $"XXXX-WXX-{IsoDay(plural)}");
        if (w is "every" or "each" or "per" && Units.TryGetValue(Singular(c.L(i + 1)), out var u))
            return new Match(2, TimexType.Set, (u.Time ? "PT1" : "P1") + u.Code);
        return null;
    }

    private static Match? Duration(Context c, int i)
    {
        // 10-year, two-week, six-month
        var w = c.L(i);
        var dash = w.LastIndexOf('-');
        if (dash > 0 && Units.TryGetValue(w[(dash + 1)..], out var hu) && NumberOf(w[..dash]) is { } hn)
            return new Match(1, TimexType.Duration, Value(hn, hu));
        var j = i;
        if (w == "the" && c.L(i + 1) is "past" or "last" or "next" or "first" or "coming" or "previous" or "final") j = i + 2;
        else if (w is "past" or "next" or "first" or "coming" or "previous" or "final" || (w == "last" && c.L(i - 1) != "the")) j = i + 1;
        else if (w == "the") j = i + 1;
        var (n, used) = Count(c, j);
        var unitWord = c.L(j + used);
        var unit = Singular(unitWord);
        if (!Units.TryGetValue(unit, out var u)) return null;
        // "the 1988 second quarter": an ordinal, not 1988 seconds
        if (unit == "second" && c.L(j + used + 1) is "quarter" or "half") return null;
        if (used == 0)
        {
            // "the past year", "weeks", "in recent years": a vague or single-unit span of time
            if (j > i && w == "the" && j == i + 2)
                return unitWord == unit ? new Match(j - i + 1, TimexType.Duration, Value(1, u))
                    : c.L(i + 1) is "coming" or "next" ? new Match(j - i + 1, TimexType.Date, "FUTURE_REF") : new Match(j - i + 1, TimexType.Duration, "P" + (u.Time ? "TX" : "X") + u.Code);
            if (unitWord == unit || !VagueSpanCues.Contains(c.L(j - 1))) return null;
            if (c.L(j - 1) == "coming" && c.L(j - 2) != "the") return new Match(j - i + 1, TimexType.Date, "FUTURE_REF");
            // "in recent years" points into the past without saying how far: TimeBank marks it so three times in four
            if (c.L(j - 1) is "recent" or "past" && unit == "year" && c.L(j - 2) != "the") return new Match(j - i + 1, TimexType.Date, "PAST_REF");
            return new Match(j - i + 1, TimexType.Duration, "P" + (u.Time ? "TX" : "X") + u.Code);
        }
        // "three days later" counts from an event in the story, not from the article: it stays a span
        if (FromEvent.Contains(c.L(j + used + 1))) return null;
        // "$5 a year" and "once a week" are rates, not spans: "a" counts only after a word that introduces a span
        if (c.L(j) is "a" or "an" && j == i && !SpanCues.Contains(c.L(i - 1)))
            return null;
        return new Match(j - i + used + 1, TimexType.Duration, n < 0 ? "P" + (u.Time ? "TX" : "X") + u.Code : Value(n, u));
    }

    private static readonly Dictionary<string, int> DecadeWords = Lexicon.Decades;

    private static Match? Year(Context c, int i)
    {
        // "the nineties", "the 20th century", "the year two thousand"
        if (c.L(i) == "the")
        {
            if (DecadeWords.TryGetValue(c.L(i + 1), out var d)) return new Match(2, TimexType.Date, d.ToString(CultureInfo.InvariantCulture));
            if (c.L(i + 1) == "year" && SpokenYear(c, i + 2) is { } spoken) return new Match(2 + spoken.Used, TimexType.Date, $"{spoken.Year:D4}");
        }
        if (Ordinal(c.L(i)) is { } nth and >= 1 and <= 21 && c.L(i + 1) == "century") return new Match(2, TimexType.Date, $"{nth - 1:D2}");
        if (SpokenYear(c, i) is { } said && said.Used > 1) return new Match(said.Used, TimexType.Date, $"{said.Year:D4}");
        var t = c.T(i);
        if (c.L(i).StartsWith("mid-", StringComparison.Ordinal) && YearNumber(t[4..]) is { } mid) return new Match(1, TimexType.Date, $"{mid:D4}", "MID");
        if (t.Length == 5 && t.EndsWith('s') && YearNumber(t[..4]) is { } decade && decade % 10 == 0)
            return new Match(1, TimexType.Date, (decade / 10).ToString(CultureInfo.InvariantCulture));
        if (YearNumber(t) is not { } y) return null;
        // a count of things ("2000 troops", "$1990") is not a year
        var next = c.L(i + 1);
        if (c.T(i - 1) is "$" or "€" or "£" || next is "%" or "percent" || (next.Length > 2 && char.IsLower(next[0]) && next.EndsWith('s') && !YearCues.Contains(c.L(i - 1)))) return null;
        return new Match(1, TimexType.Date, $"{y:D4}");
    }

}
