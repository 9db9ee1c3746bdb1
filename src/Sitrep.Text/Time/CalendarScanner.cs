using Sitrep.Core.Documents;
using Sitrep.Core.Time;
using Sitrep.Text.Lexing;

namespace Sitrep.Text.Time;

/// <summary>An explicit calendar date in the text; parts the text does not give stay unknown ("On August 7" has no year).</summary>
public readonly record struct DateMention(TextSpan Span, PartialDate Date);

/// <summary>A weekday name with the word before it, which tells past ("on Wednesday") from future ("by Friday").</summary>
public readonly record struct WeekdayMention(TextSpan Span, DayOfWeek Day, string PrecedingWord);

public readonly record struct TimeOfDayMention(TextSpan Span, int Hour, int Minute);

public sealed class CalendarScan
{
    public List<DateMention> Dates { get; } = [];
    public List<WeekdayMention> Weekdays { get; } = [];
    public List<TimeOfDayMention> Times { get; } = [];

    /// <summary>The characters of the scanned range that no mention covers, ignoring white space and punctuation.</summary>
    public int UncoveredLetters { get; internal set; }
}

/// <summary>
/// Finds explicit calendar expressions: "March 11, 2025", "11 March", "21 September, 2024", "2025-03-13", "13.03.2025",
/// "August 2024", "in August", "in 2024", weekday names and "17:40". Relative expressions are the time tagger's job.
/// Hand-written matching over lexemes: linear, no backtracking.
/// </summary>
public static class CalendarScanner
{
    private static readonly HashSet<string> BareMonthCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "since", "until", "till", "by", "early", "late", "mid", "last", "next", "this", "from", "through", "during", "of", "before", "after", "в", "у", "з", "с", "до",
    };

    private static readonly HashSet<string> BareYearCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "since", "until", "by", "early", "late", "mid", "of", "from", "through", "during", "before", "after",
    };

    public static CalendarScan Scan(string text) => Scan(text, 0, text.Length);

    public static CalendarScan Scan(string text, int start, int end)
    {
        var lx = Lexer.Scan(text, start, end);
        var scan = new CalendarScan();
        var covered = new bool[lx.Count];
        for (var i = 0; i < lx.Count;)
        {
            var used = TryDate(text, lx, i, scan) ?? TryWeekday(text, lx, i, scan) ?? TryTime(text, lx, i, scan) ?? 0;
            if (used == 0) { i++; continue; }
            for (var k = i; k < i + used; k++) covered[k] = true;
            i += used;
        }
        var uncovered = 0;
        for (var k = 0; k < lx.Count; k++)
            if (!covered[k] && lx[k].Kind != LexemeKind.Punct) uncovered += lx[k].Length;
        scan.UncoveredLetters = uncovered;
        return scan;
    }

    private static int? TryDate(string text, List<Lexeme> lx, int i, CalendarScan scan)
    {
        var a = lx[i];
        if (a.Kind == LexemeKind.Number)
        {
            // 2025-03-13, optionally followed by T17:40 or 17:40
            if (a.Length == 4 && Glued(lx, i, '-', text) && IsNum(lx, i + 2, 1, 2) && Glued(lx, i + 2, '-', text) && IsNum(lx, i + 4, 1, 2))
            {
                var y = Int(text, a); var m = Int(text, lx[i + 2]); var d = Int(text, lx[i + 4]);
                if (!PartialDate.IsValid(y, m, d)) return null;
                var used = 5;
                var date = new PartialDate(y, m, d);
                var t = i + 5;
                if (t < lx.Count && lx[t].Kind == LexemeKind.Word && lx[t].Length == 1 && text[lx[t].Start] == 'T' && lx[t].Start == lx[t - 1].End) t++;
                if (TimeAt(text, lx, t) is { } hm) { date = date with { Hour = hm.H, Minute = hm.M }; used = t - i + 3; }
                return Add(scan, lx, i, used, date);
            }
            // 13.03.2025
            if (a.Length <= 2 && Glued(lx, i, '.', text) && IsNum(lx, i + 2, 1, 2) && Glued(lx, i + 2, '.', text) && IsNum(lx, i + 4, 4, 4))
            {
                var d = Int(text, a); var m = Int(text, lx[i + 2]); var y = Int(text, lx[i + 4]);
                return PartialDate.IsValid(y, m, d) ? Add(scan, lx, i, 5, new PartialDate(y, m, d)) : null;
            }
            // 11 March [2025], 7th of March, 21 September, 2024
            if (a.Length <= 2)
            {
                var day = Int(text, a);
                var j = i + 1;
                if (j < lx.Count && lx[j].Kind == LexemeKind.Word && lx[j].Start == a.End && IsOrdinalSuffix(text, lx[j])) j++;
                if (j < lx.Count && Is(text, lx[j], "of")) j++;
                if (j < lx.Count && MonthAt(text, lx, j, requireCapitalForAmbiguous: false) is { } month and > 0 && day is >= 1 and <= 31)
                {
                    var k = j + 1;
                    if (k < lx.Count && text[lx[k].Start] == '.' && lx[k].Start == lx[j].End) k++;
                    var date = new PartialDate(null, month, day);
                    var used = k - i;
                    var yk = k < lx.Count && text[lx[k].Start] == ',' ? k + 1 : k;
                    if (IsYear(text, lx, yk)) { date = date with { Year = Int(text, lx[yk]) }; used = yk - i + 1; }
                    if (date.Year is { } yy && !PartialDate.IsValid(yy, month, day)) return null;
                    return Add(scan, lx, i, used, date);
                }
            }
            // in 2024
            if (a.Length == 4 && IsYear(text, lx, i) && i > 0 && lx[i - 1].Kind == LexemeKind.Word && BareYearCues.Contains(text.Substring(lx[i - 1].Start, lx[i - 1].Length)))
                return Add(scan, lx, i, 1, new PartialDate(Int(text, a), null, null));
            return null;
        }
        if (a.Kind != LexemeKind.Word) return null;
        if (MonthAt(text, lx, i, requireCapitalForAmbiguous: true) is not { } mo || mo == 0) return null;
        var n = i + 1;
        if (n < lx.Count && text[lx[n].Start] == '.' && lx[n].Start == a.End) n++;
        // March 11[th][,] [2025]
        if (IsNum(lx, n, 1, 2) && Int(text, lx[n]) is var dd and >= 1 and <= 31)
        {
            var k = n + 1;
            if (k < lx.Count && lx[k].Kind == LexemeKind.Word && lx[k].Start == lx[n].End && IsOrdinalSuffix(text, lx[k])) k++;
            var date = new PartialDate(null, mo, dd);
            var used = k - i;
            var yk = k < lx.Count && text[lx[k].Start] == ',' ? k + 1 : k;
            if (IsYear(text, lx, yk)) { date = date with { Year = Int(text, lx[yk]) }; used = yk - i + 1; }
            if (date.Year is { } yy && !PartialDate.IsValid(yy, mo, dd)) return null;
            return Add(scan, lx, i, used, date);
        }
        // August 2024 / August, 2024
        var y2 = n < lx.Count && text[lx[n].Start] == ',' ? n + 1 : n;
        if (IsYear(text, lx, y2)) return Add(scan, lx, i, y2 - i + 1, new PartialDate(Int(text, lx[y2]), mo, null));
        // in August
        if (i > 0 && lx[i - 1].Kind == LexemeKind.Word && BareMonthCues.Contains(text.Substring(lx[i - 1].Start, lx[i - 1].Length)))
            return Add(scan, lx, i, 1, new PartialDate(null, mo, null));
        return null;
    }

    private static int? TryWeekday(string text, List<Lexeme> lx, int i, CalendarScan scan)
    {
        var a = lx[i];
        if (a.Kind != LexemeKind.Word || CalendarWords.Weekday(text.AsSpan(a.Start, a.Length)) is not { } day) return null;
        var before = i > 0 && lx[i - 1].Kind == LexemeKind.Word ? text.Substring(lx[i - 1].Start, lx[i - 1].Length).ToLowerInvariant() : "";
        scan.Weekdays.Add(new WeekdayMention(new TextSpan(a.Start, a.End), day, before));
        return 1;
    }

    private static int? TryTime(string text, List<Lexeme> lx, int i, CalendarScan scan)
    {
        if (TimeAt(text, lx, i) is not { } hm) return null;
        scan.Times.Add(new TimeOfDayMention(new TextSpan(lx[i].Start, lx[i + 2].End), hm.H, hm.M));
        return 3;
    }

    private static (int H, int M)? TimeAt(string text, List<Lexeme> lx, int i)
    {
        if (!IsNum(lx, i, 1, 2) || !Glued(lx, i, ':', text) || !IsNum(lx, i + 2, 2, 2)) return null;
        var h = Int(text, lx[i]); var m = Int(text, lx[i + 2]);
        // A time is not followed by more digits glued on ("10:30:15" is fine, "1:2000" is not a time)
        return h <= 23 && m <= 59 ? (h, m) : null;
    }

    private static int Add(CalendarScan scan, List<Lexeme> lx, int i, int used, PartialDate date)
    {
        scan.Dates.Add(new DateMention(new TextSpan(lx[i].Start, lx[i + used - 1].End), date));
        return used;
    }

    private static int? MonthAt(string text, List<Lexeme> lx, int i, bool requireCapitalForAmbiguous)
    {
        if (i >= lx.Count || lx[i].Kind != LexemeKind.Word) return null;
        var w = text.AsSpan(lx[i].Start, lx[i].Length);
        var m = CalendarWords.Month(w);
        if (m == 0) return null;
        if (requireCapitalForAmbiguous && char.IsLower(w[0]) && CalendarWords.IsAmbiguousMonthWord(w)) return null;
        return m;
    }

    private static bool IsYear(string text, List<Lexeme> lx, int i) =>
        IsNum(lx, i, 4, 4) && Int(text, lx[i]) is >= 1800 and <= 2200
        && !(i + 1 < lx.Count && lx[i + 1].Start == lx[i].End && lx[i + 1].Kind != LexemeKind.Punct);

    private static bool IsNum(List<Lexeme> lx, int i, int minLen, int maxLen) =>
        i < lx.Count && lx[i].Kind == LexemeKind.Number && lx[i].Length >= minLen && lx[i].Length <= maxLen;

    /// <summary>True when lexeme i is followed, with no space, by the punctuation <paramref name="p"/> and then another lexeme.</summary>
    private static bool Glued(List<Lexeme> lx, int i, char p, string text) =>
        i + 2 < lx.Count && lx[i + 1].Start == lx[i].End && text[lx[i + 1].Start] == p && lx[i + 1].Length == 1 && lx[i + 2].Start == lx[i + 1].End;

    private static bool IsOrdinalSuffix(string text, Lexeme l) =>
        l.Length == 2 && (Is(text, l, "st") || Is(text, l, "nd") || Is(text, l, "rd") || Is(text, l, "th"));

    private static bool Is(string text, Lexeme l, string word) => text.AsSpan(l.Start, l.Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static int Int(string text, Lexeme l) => int.Parse(text.AsSpan(l.Start, l.Length), System.Globalization.CultureInfo.InvariantCulture);
}
