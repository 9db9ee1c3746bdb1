using System.Globalization;
using Sitrep.Core.Documents;
using Sitrep.Core.Time;
using Sitrep.Text.Sentences;
using Sitrep.Text.Tokens;

namespace Sitrep.Text.Time;

// Explicit and relative dates: "11 March 2025", "last June", "yesterday", "three weeks ago", "last winter".
public static partial class TimeTagger
{
    // ---- explicit dates -------------------------------------------------------------------------------------------

    private static Match? NumericDate(Context c, int i)
    {
        var t = c.T(i);
        if (t.Length < 6 || !char.IsAsciiDigit(t[0])) return null;
        var parts = t.Split('/', '-', '.');
        if (parts.Length != 3 || !parts.All(p => p.Length > 0 && Digits(p))) return null;
        int y, m, d;
        if (parts[0].Length == 4) (y, m, d) = (Int(parts[0]), Int(parts[1]), Int(parts[2]));
        else if (t.Contains('.')) (d, m, y) = (Int(parts[0]), Int(parts[1]), Int(parts[2]));
        else (m, d, y) = (Int(parts[0]), Int(parts[1]), Int(parts[2]));
        if (parts[2].Length == 2 && parts[0].Length != 4) y += y < 50 ? 2000 : 1900;
        if (m > 12 && d <= 12) (m, d) = (d, m);
        if (!PartialDate.IsValid(y, m, d)) return null;
        var date = $"{y:D4}-{m:D2}-{d:D2}";
        var next = c.T(i + 1);
        if (next.Length >= 4 && next.Contains(':') && char.IsAsciiDigit(next[0])) return new Match(2, TimexType.Time, date + "T" + next);
        return new Match(1, TimexType.Date, date);
    }

    private static Match? MonthDate(Context c, int i)
    {
        var start = 0;
        string? mod = null;
        var j = i;
        if (c.L(j) is "early" or "late" or "mid" or "the" && (c.Month(j + 1) > 0 || (c.L(j + 1) is "end" or "beginning" or "middle" && c.L(j + 2) == "of")))
        {
            mod = Lexicon.Parts.GetValueOrDefault(c.L(j));
            j++;
        }
        if (c.L(j) is "end" or "beginning" or "middle" && c.L(j + 1) == "of") { mod = Lexicon.Parts[c.L(j)]; j += 2; }
        var month = c.Month(j);
        var token = c.T(j);
        if (month == 0 && c.L(j).StartsWith("mid-", StringComparison.Ordinal) && CalendarWords.Month(token.AsSpan(4).TrimEnd('.')) is var m2 and > 0)
        {
            month = m2;
            mod = "MID";
        }
        if (month == 0)
        {
            // 11 March [2025]
            if (DayNumber(c.T(j)) is { } day && c.Month(j + 1) is var mm and > 0)
            {
                var y = YearAt(c, j + 2) ?? (c.T(j + 2) == "," ? YearAt(c, j + 3) : null);
                var used = y is null ? 2 : c.T(j + 2) == "," ? 4 : 3;
                return new Match(j - i + used, TimexType.Date, DayValue(c, i, y, mm, day), mod, start);
            }
            return null;
        }
        // March 11[, 2025] / March 2025 / March
        // "April 25: the court…" is a date; "May 5:30" is a clock time
        if (DayNumber(c.T(j + 1)) is { } dd && !(c.T(j + 2) == ":" && c.T(j + 3) is { Length: 2 } minutes && char.IsAsciiDigit(minutes[0]) && char.IsAsciiDigit(minutes[1])))
        {
            var y = c.T(j + 2) == "," ? YearAt(c, j + 3) : YearAt(c, j + 2);
            var used = y is null ? 2 : c.T(j + 2) == "," ? 4 : 3;
            return new Match(j - i + used, TimexType.Date, DayValue(c, i, y, month, dd), mod, start);
        }
        if (c.L(j + 1) is "this" or "last" or "next" && c.L(j + 2) == "year" && c.Anchor is { } ay)
            return new Match(j - i + 3, TimexType.Date, $"{ay.Year + (c.L(j + 1) == "last" ? -1 : c.L(j + 1) == "next" ? 1 : 0):D4}-{month:D2}", mod);
        var year = c.T(j + 1) == "," ? YearAt(c, j + 2) : YearAt(c, j + 1);
        if (year is { } yy) return new Match(j - i + (c.T(j + 1) == "," ? 3 : 2), TimexType.Date, $"{yy:D4}-{month:D2}", mod);
        if (SpokenYear(c, j + 1) is { } spoken) return new Match(j - i + 1 + spoken.Used, TimexType.Date, $"{spoken.Year:D4}-{month:D2}", mod);
        if (c.L(j + 1) == "of" && YearAt(c, j + 2) is { } yo) return new Match(j - i + 3, TimexType.Date, $"{yo:D4}-{month:D2}", mod);
        // a month alone, with a word that says it is one; "May Day" and "March Madness" are names
        if (j == i && !IsMonthContext(c, i)) return null;
        if (CalendarWords.IsAmbiguousMonthWord(token.AsSpan().TrimEnd('.')) && c.T(j + 1) is { Length: > 0 } follower && char.IsUpper(follower[0])) return null;
        if (c.L(j - 1) is "last" or "next" or "this" && j == i) return null; // handled by Relative
        return new Match(j - i + 1, TimexType.Date, MonthValue(c, i, month), mod);
    }

    private static bool IsMonthContext(Context c, int i)
    {
        var prev = c.L(i - 1);
        return MonthCues.Contains(prev) || c.T(i + 1) is "," or "." or ";" or ")";
    }

    // ---- relative dates -------------------------------------------------------------------------------------------

    private static Match? Relative(Context c, int i)
    {
        var w = c.L(i);
        var a = c.Anchor;
        // "yesterday morning": a part of a day the phrase names
        if (w == "yesterday" && PartOfDay(c, i + 1, a?.AddDays(-1)) is { } earlyPart) return earlyPart with { Length = 2 };
        if (w == "tomorrow" && PartOfDay(c, i + 1, a?.AddDays(1)) is { } latePart) return latePart with { Length = 2 };
        if (Phrase(c, i) is { } fixedPhrase) return fixedPhrase;
        // "mid-afternoon yesterday", "Friday morning" is read by Weekday
        if (PartOfDay(c, i, null) is { } part && c.L(i + part.Length) is "yesterday" or "today" or "tomorrow" && a is { } pa)
        {
            var day = pa.AddDays(c.L(i + part.Length) switch { "yesterday" => -1, "tomorrow" => 1, _ => 0 });
            return new Match(part.Length + 1, TimexType.Time, DayString(day) + part.Value[part.Value.IndexOf('T')..]);
        }
        // "in mid afternoon" names a time of the report's day; a bare "morning" is too often generic to
        if (w is "mid" or "mid-afternoon" or "mid-morning" && PartOfDay(c, i, a) is { } midday) return midday;
        if (w == "the" && c.L(i + 1) is "past" or "future" or "present" && !IsUnit(Singular(c.L(i + 2))) && !IsNumberWord(c.L(i + 2)))
            return new Match(2, TimexType.Date, c.L(i + 1) switch { "past" => "PAST_REF", "future" => "FUTURE_REF", _ => "PRESENT_REF" });
        if (w == "this" && c.L(i + 1) is "morning" or "afternoon" or "evening") return PartOfDay(c, i + 1, a) is { } p ? p with { Length = 2 } : null;
        if (w == "the" && a is { } da)
        {
            // fixed phrases of news and results reports, each annotated nearly every time it occurs in TimeBank
            var next = c.L(i + 1);
            var after = c.L(i + 2);
            if (next == "weekend") return new Match(2, TimexType.Date, IsoWeek(WeekdayDate(da, DayOfWeek.Saturday, c.Future[i] ? 1 : -1)!.Value) + "-WE");
            // a year that ends on a date is a span of a year ("in the fiscal year ended Jan. 31"); "for the year" is this one
            var yearAt = next == "year" ? i + 1 : next is "full" or "fiscal" && after == "year" ? i + 2 : -1;
            if (yearAt > 0 && c.L(yearAt + 1) is "ended" or "ending") return new Match(yearAt - i + 1, TimexType.Duration, "P1Y");
            if (yearAt == i + 2) return new Match(3, TimexType.Date, $"{da.Year:D4}");
            if (yearAt == i + 1 && c.L(i - 1) is "for" or "of" && c.T(i + 2) is "," or "." or "") return new Match(2, TimexType.Date, $"{da.Year:D4}");
            if (next is "latest" or "recent" or "current" && after == "period" && c.Reported is { } r) return new Match(3, TimexType.Date, QuarterValue(r.Year, r.Quarter));
        }

        // earlier this month, later this year, [the] last week, this year, next month
        var j = i;
        string? mod = null;
        if (w is "earlier" or "later" && c.L(i + 1) is "this" or "last" or "next") { mod = Lexicon.Parts[w]; j++; }
        var which = c.L(j);
        if (!Lexicon.Offsets.TryGetValue(which, out var o)) return null;
        if (which == "this" && c.L(j + 1) == "past") { o = -1; j++; }
        var unit = c.L(j + 1);
        // "this quarter" may be the one being reported: Quarter decides
        if (o == 0 && unit == "quarter") return null;
        if (c.Weekday(j + 1) is { } wd) return new Match(j - i + 2, TimexType.Date, WeekdayValue(a, wd, o == 0 ? (c.Future[i] ? 1 : -1) : o));
        var month = c.Month(j + 1);
        if (month > 0 && a is { } an)
        {
            // "last June" is the latest June before this month; "next June" the first after it
            var y = o < 0 ? (month < an.Month ? an.Year : an.Year - 1) : o > 0 ? (month > an.Month ? an.Year : an.Year + 1) : an.Year;
            return new Match(j - i + 2, TimexType.Date, $"{y:D4}-{month:D2}", mod);
        }
        if (Seasons.TryGetValue(unit, out var season) && a is { } sa) return new Match(j - i + 2, TimexType.Date, $"{sa.Year + (o < 0 && SeasonAfter(season, sa) ? -1 : o > 0 && !SeasonAfter(season, sa) ? 1 : 0):D4}-{season}", mod);
        // "the past year" is a duration; "last year" a date
        if (i > 0 && c.L(i - 1) == "the" && which is "past" or "last" or "next" or "coming" or "previous") return null;
        if (which == "past" || which == "coming") return null;
        if (!Units.TryGetValue(unit, out var u) || u.Time || a is null) return null;
        return new Match(j - i + 2, TimexType.Date, Shift(a.Value, u.Code, o), mod);
    }

    /// <summary>The longest fixed phrase of data/time/*/phrases.tsv that starts here, its value counted from the article's date.</summary>
    private static Match? Phrase(Context c, int i)
    {
        if (!Lexicon.Phrases.TryGetValue(c.L(i), out var phrases)) return null;
        foreach (var p in phrases)
        {
            var k = 1;
            while (k < p.Words.Length && Array.IndexOf(p.Words[k], c.L(i + k)) >= 0) k++;
            if (k == p.Words.Length && PhraseValue(p.Value, c.Anchor) is { } value) return new Match(k, p.Type, value);
        }
        return null;
    }

    /// <summary>
    /// A phrase's value with its braces filled: {day}, {day-1}, {week}, {month+1}, {year-1} from the article's date.
    /// Without that date a day is XXXX-XX-XX, as TimeML writes an unknown one, and the other units give no value.
    /// </summary>
    public static string? PhraseValue(string template, DateOnly? anchor)
    {
        var open = template.IndexOf('{');
        if (open < 0) return template;
        var close = template.IndexOf('}', open);
        var inner = template.AsSpan(open + 1, close - open - 1);
        var sign = inner.IndexOfAny('+', '-');
        var unit = sign < 0 ? inner : inner[..sign];
        var n = sign < 0 ? 0 : int.Parse(inner[sign..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string? value = unit switch
        {
            "day" => DayString(anchor?.AddDays(n)),
            "week" => anchor is { } w ? IsoWeek(w.AddDays(7 * n)) : null,
            "month" => anchor is { } m ? m.AddMonths(n).ToString("yyyy-MM", CultureInfo.InvariantCulture) : null,
            "year" => anchor is { } y ? $"{y.Year + n:D4}" : null,
            _ => throw new InvalidDataException($"data/time: '{template}' counts in an unknown unit (day, week, month or year)"),
        };
        return value is null ? null : template[..open] + value + template[(close + 1)..];
    }

    private static Match? PartOfDay(Context c, int i, DateOnly? day)
    {
        var mid = c.L(i) == "mid" ? 1 : 0;
        return Lexicon.PartsOfDay.TryGetValue(c.L(i + mid), out var code) ? new Match(1 + mid, TimexType.Time, DayString(day) + "T" + code) : null;
    }

    private static Match? Ago(Context c, int i)
    {
        var (n, used) = Count(c, i);
        if (used == 0) return null;
        var unit = Singular(c.L(i + used));
        if (!Units.TryGetValue(unit, out var u) || u.Time) return null;
        // "before" and "after" make a date only when nothing follows ("30 days before the vote" is a span)
        var then = c.T(i + used + 2);
        var closes = then.Length == 0 || !char.IsLetterOrDigit(then[0]);
        var word = c.L(i + used + 1);
        var dir = Lexicon.Ago.TryGetValue(word, out var back) ? back : closes && Lexicon.AgoAtEnd.TryGetValue(word, out var atEnd) ? atEnd : 0;
        if (c.L(i + used + 1) == "from" && c.L(i + used + 2) == "now") dir = 2;
        if (dir == 0 || c.Anchor is not { } a) return null;
        if (n < 0) return new Match(used + 2, TimexType.Date, dir < 0 ? "PAST_REF" : "FUTURE_REF");
        var length = used + (dir == 2 ? 3 : 2);
        // in results news "a year ago" is the same quarter a year before
        if (u.Code == "Y" && n == 1 && dir < 0 && SentenceMentions(c, i, ResultsWords))
            return new Match(length, TimexType.Date, c.Reported is { } r ? QuarterValue(r.Year - 1, r.Quarter) : QuarterOf(a.AddDays(-45).AddYears(-1)));
        return new Match(length, TimexType.Date, Shift(a, u.Code, dir < 0 ? -n : n));
    }

    private static Match? Season(Context c, int i)
    {
        if (!Seasons.TryGetValue(c.L(i), out var s) || c.Anchor is not { } a) return null;
        if (!SeasonCues.Contains(c.L(i - 1))) return null;
        if (YearAt(c, i + 1) is { } y) return new Match(2, TimexType.Date, $"{y:D4}-{s}");
        if (c.L(i + 1) == "of" && YearAt(c, i + 2) is { } y2) return new Match(3, TimexType.Date, $"{y2:D4}-{s}");
        if (c.L(i + 1) == "of" && SpokenYear(c, i + 2) is { } spoken) return new Match(2 + spoken.Used, TimexType.Date, $"{spoken.Year:D4}-{s}");
        var year = c.Future[i] ? (SeasonAfter(s, a) ? a.Year : a.Year + 1) : (SeasonAfter(s, a) ? a.Year - 1 : a.Year);
        return new Match(1, TimexType.Date, $"{year:D4}-{s}");
    }

}
