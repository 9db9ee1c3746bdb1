using System.Globalization;
using Sitrep.Core.Documents;
using Sitrep.Core.Time;

namespace Sitrep.Text.Time;

/// <summary>The inferred publication date, or the month-days that still need a year from elsewhere.</summary>
public sealed record DateInference(PublicationDate Date, IReadOnlyList<(int Month, int Day)> NeedsYearFor)
{
    public bool NeedsYear => NeedsYearFor.Count > 0;
}

/// <summary>
/// Works out when an article was published from a header date (which may lack its year) and from the body, read by the
/// time tagger without an anchor. News is written about the recent past: the latest explicit date in the body is on or
/// before publication, a weekday the tagger reads as past ("on Wednesday", "said Tuesday") is a day of the week before
/// publication, and the weekday a story names most is its news day. A date given as the origin of a record ("footage
/// from March 12") lies strictly before publication.
/// </summary>
public static class PublicationDateInference
{
    /// <summary>Words before a weekday that make it a deadline, not a day already past.</summary>
    private static readonly HashSet<string> DeadlineCues = new(StringComparer.OrdinalIgnoreCase) { "by", "until", "till", "before", "coming", "this" };
    private static readonly HashSet<string> RecordNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "footage", "video", "videos", "images", "imagery", "photos", "pictures", "data", "report", "reports", "assessment", "update", "figures",
    };

    /// <param name="yearHint">A year to assume when neither header nor body gives one (from the other articles of the collection).</param>
    public static DateInference Infer(string body, PartialDate? header, int? yearHint = null)
    {
        if (header is { Year: not null } full)
            return Done(PublicationDate.Exact(full, DateSource.Header, "header date line"));

        var tagged = TimeTagger.Read(body, null);
        var dates = new List<(PartialDate Date, TextSpan Span)>();
        var weekdays = new List<DayOfWeek>();
        foreach (var (time, ahead) in tagged)
        {
            if (time.Type is not (TimexType.Date or TimexType.Time)) continue;
            var value = time.Value;
            if (value.StartsWith("XXXX-WXX-", StringComparison.Ordinal))
            {
                if (!ahead && !DeadlineCues.Contains(WordBefore(body, time.Span.Start)) && value.Length > 9 && value[9] is >= '1' and <= '7')
                    weekdays.Add((DayOfWeek)((value[9] - '0') % 7));
                continue;
            }
            if (CalendarValue(value) is { } date) dates.Add((date, time.Span));
        }
        var withYear = dates.Where(d => d.Date.Year is not null).ToList();
        DateOnly? anchor = withYear.Count == 0 ? null : withYear.Max(d => d.Date.AsDay ?? new DateOnly(d.Date.Year!.Value, d.Date.Month ?? 1, 1));
        var latestFull = withYear.Select(d => d.Date.AsDay).Where(d => d is not null).Max();

        if (header is { Month: { } hm, Day: { } hd } partial)
        {
            var baseYear = latestFull?.Year ?? anchor?.Year ?? yearHint;
            if (baseYear is not { } y) return new DateInference(PublicationDate.Unknown, [(hm, hd)]);
            if (!PartialDate.IsValid(y, hm, hd)) return Done(PublicationDate.Unknown);
            // a header date falling well before the latest date the body mentions must be in the following year
            if (latestFull is { } lf && new DateOnly(y, hm, hd) < lf.AddDays(-7) && PartialDate.IsValid(y + 1, hm, hd)) y++;
            var source = latestFull is not null || anchor is not null ? "the dates in the body" : "the other articles of the collection";
            return Done(PublicationDate.Exact(partial.WithYear(y), DateSource.Header, $"header date without a year; year {y} from {source}"));
        }

        var days = new List<(DateOnly Day, TextSpan Span)>();
        var yearless = new List<(int, int)>();
        foreach (var (date, span) in dates)
        {
            if (date is not { Month: { } mo, Day: { } d }) continue;
            if (date.AsDay is { } known) { days.Add((known, span)); continue; }
            if (date.Year is not null) continue;
            if (anchor is { } a)
            {
                // the first such day on or after the latest dated reference: "On 6 August 2024 ... On 12 March" is March 2025
                var yy = a.Year;
                while (!PartialDate.IsValid(yy, mo, d) || new DateOnly(yy, mo, d) < a) { yy++; if (yy > a.Year + 4) break; }
                if (PartialDate.IsValid(yy, mo, d)) days.Add((new DateOnly(yy, mo, d), span));
            }
            else if (yearHint is { } h && PartialDate.IsValid(h, mo, d)) days.Add((new DateOnly(h, mo, d), span));
            else yearless.Add((mo, d));
        }
        if (yearless.Count > 0 && days.Count == 0) return new DateInference(PublicationDate.Unknown, yearless);
        if (days.Count == 0) return Done(PublicationDate.Unknown);

        var (latest, latestSpan) = days.MaxBy(x => x.Day);
        var note = $"latest date in the text {latest:yyyy-MM-dd} ('{latestSpan.Of(body)}')";
        if (anchor is null && yearHint is not null) note += $"; year {yearHint} from the other articles of the collection";

        var newsDay = latest;
        if (weekdays.Count > 0)
        {
            var top = weekdays.GroupBy(w => w)
                .Select(g => (Day: g.Key, Count: g.Count(), Date: FirstOnOrAfter(latest, g.Key)))
                .OrderByDescending(g => g.Count).ThenByDescending(g => g.Date).First();
            newsDay = top.Date;
            note += $"; news day {top.Day} ({top.Count} mention{(top.Count == 1 ? "" : "s")}) = {newsDay:yyyy-MM-dd}";
        }
        var from = newsDay;
        if (newsDay == latest && IsStrictlyPast(body, latestSpan))
        {
            from = latest.AddDays(1);
            note += "; that date is cited as already past";
        }
        var to = newsDay.AddDays(1) < from ? from : newsDay.AddDays(1);
        return Done(PublicationDate.Between(from, to, DateSource.Body, note));
    }

    /// <summary>A calendar value the tagger gave ("2025-03-12", "2024-08", "2024", "XXXX-03-12", "2025-03-11T17:40"), as a date whose unknown parts stay unknown.</summary>
    private static PartialDate? CalendarValue(string value)
    {
        var day = value.IndexOf('T') is var t and > 0 ? value[..t] : value;
        if (day.StartsWith("XXXX-", StringComparison.Ordinal))
            return day.Length == 10 && int.TryParse(day.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
                && int.TryParse(day.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && PartialDate.IsValid(2000, m, d)
                ? new PartialDate(null, m, d) : null;
        return day.Length is 4 or 7 or 10 && PartialDate.Parse(day) is { Year: not null } known ? known : null;
    }

    private static string WordBefore(string body, int at)
    {
        var end = at;
        while (end > 0 && char.IsWhiteSpace(body[end - 1])) end--;
        var start = end;
        while (start > 0 && char.IsLetter(body[start - 1])) start--;
        return body[start..end];
    }

    /// <summary>
    /// The date the other articles of the collection allow when the text alone does not: <paramref name="others"/>
    /// are their earliest publication days. Null when the collection adds nothing.
    /// </summary>
    public static PublicationDate? InferFromCollection(string body, PartialDate? header, IReadOnlyCollection<DateOnly> others)
    {
        var first = Infer(body, header);
        if (!first.NeedsYear) return null;
        if (YearFromCollection(first.NeedsYearFor, others) is not { } year) return null;
        return Infer(body, header, year).Date;
    }

    /// <summary>The year that puts the given month-days closest to the publication dates already known in the collection.</summary>
    public static int? YearFromCollection(IReadOnlyList<(int Month, int Day)> monthDays, IReadOnlyCollection<DateOnly> known)
    {
        if (known.Count == 0 || monthDays.Count == 0) return null;
        int? best = null;
        var bestDistance = int.MaxValue;
        foreach (var year in known.Select(k => k.Year).Distinct().SelectMany(y => new[] { y - 1, y, y + 1 }).Distinct().Order())
        {
            foreach (var (m, d) in monthDays)
            {
                if (!PartialDate.IsValid(year, m, d)) continue;
                var day = new DateOnly(year, m, d).DayNumber;
                var distance = known.Min(k => Math.Abs(k.DayNumber - day));
                if (distance < bestDistance) { bestDistance = distance; best = year; }
            }
        }
        return best;
    }

    private static DateOnly FirstOnOrAfter(DateOnly day, DayOfWeek weekday) => day.AddDays(((int)weekday - (int)day.DayOfWeek + 7) % 7);

    private static bool IsStrictlyPast(string body, TextSpan m)
    {
        var from = Math.Max(0, m.Start - 60);
        var words = body[from..m.Start].Split([' ', '\n', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return false;
        var last = words[^1];
        if (!last.Equals("from", StringComparison.OrdinalIgnoreCase) && !last.Equals("of", StringComparison.OrdinalIgnoreCase) && !last.Equals("dated", StringComparison.OrdinalIgnoreCase)) return false;
        return words.Length >= 2 && words[^Math.Min(3, words.Length)..^1].Any(RecordNouns.Contains);
    }

    private static DateInference Done(PublicationDate d) => new(d, []);
}
