using Sitrep.Core.Time;

namespace Sitrep.Text.Time;

/// <summary>The inferred publication date, or the month-days that still need a year from elsewhere.</summary>
public sealed record DateInference(PublicationDate Date, IReadOnlyList<(int Month, int Day)> NeedsYearFor)
{
    public bool NeedsYear => NeedsYearFor.Count > 0;
}

/// <summary>
/// Works out when an article was published from a header date (which may lack its year) and from the body.
/// News is written about the recent past: the latest explicit date in the body is on or before publication, a weekday
/// named in the past tense ("on Wednesday") is a day of the week before publication, and the weekday a story names most
/// is its news day. A date given as the origin of a record ("footage from March 12") lies strictly before publication.
/// </summary>
public static class PublicationDateInference
{
    private static readonly HashSet<string> FutureCues = new(StringComparer.OrdinalIgnoreCase) { "by", "until", "till", "next", "coming", "before", "this" };
    private static readonly HashSet<string> RecordNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "footage", "video", "videos", "images", "imagery", "photos", "pictures", "data", "report", "reports", "assessment", "update", "figures",
    };

    /// <param name="yearHint">A year to assume when neither header nor body gives one (from the other articles of the collection).</param>
    public static DateInference Infer(string body, PartialDate? header, int? yearHint = null)
    {
        if (header is { Year: not null } full)
            return Done(PublicationDate.Exact(full, DateSource.Header, "header date line"));

        var scan = CalendarScanner.Scan(body);
        var withYear = scan.Dates.Where(d => d.Date.Year is not null).ToList();
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

        var days = new List<(DateOnly Day, DateMention Mention)>();
        var yearless = new List<(int, int)>();
        foreach (var m in scan.Dates)
        {
            if (m.Date is not { Month: { } mo, Day: { } d }) continue;
            if (m.Date.AsDay is { } known) { days.Add((known, m)); continue; }
            if (m.Date.Year is not null) continue;
            if (anchor is { } a)
            {
                // the first such day on or after the latest dated reference: "On 6 August 2024 ... On 12 March" is March 2025
                var yy = a.Year;
                while (!PartialDate.IsValid(yy, mo, d) || new DateOnly(yy, mo, d) < a) { yy++; if (yy > a.Year + 4) break; }
                if (PartialDate.IsValid(yy, mo, d)) days.Add((new DateOnly(yy, mo, d), m));
            }
            else if (yearHint is { } h && PartialDate.IsValid(h, mo, d)) days.Add((new DateOnly(h, mo, d), m));
            else yearless.Add((mo, d));
        }
        if (yearless.Count > 0 && days.Count == 0) return new DateInference(PublicationDate.Unknown, yearless);
        if (days.Count == 0) return Done(PublicationDate.Unknown);

        var (latest, latestMention) = days.MaxBy(x => x.Day);
        var note = $"latest date in the text {latest:yyyy-MM-dd} ('{latestMention.Span.Of(body)}')";
        if (anchor is null && yearHint is not null) note += $"; year {yearHint} from the other articles of the collection";

        var newsDay = latest;
        var pastWeekdays = scan.Weekdays.Where(w => !FutureCues.Contains(w.PrecedingWord)).ToList();
        if (pastWeekdays.Count > 0)
        {
            var top = pastWeekdays.GroupBy(w => w.Day)
                .Select(g => (Day: g.Key, Count: g.Count(), Date: FirstOnOrAfter(latest, g.Key)))
                .OrderByDescending(g => g.Count).ThenByDescending(g => g.Date).First();
            newsDay = top.Date;
            note += $"; news day {top.Day} ({top.Count} mention{(top.Count == 1 ? "" : "s")}) = {newsDay:yyyy-MM-dd}";
        }
        var from = newsDay;
        if (newsDay == latest && IsStrictlyPast(body, latestMention))
        {
            from = latest.AddDays(1);
            note += "; that date is cited as already past";
        }
        var to = newsDay.AddDays(1) < from ? from : newsDay.AddDays(1);
        return Done(PublicationDate.Between(from, to, DateSource.Body, note));
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

    private static bool IsStrictlyPast(string body, DateMention m)
    {
        var from = Math.Max(0, m.Span.Start - 60);
        var words = body[from..m.Span.Start].Split([' ', '\n', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return false;
        var last = words[^1];
        if (!last.Equals("from", StringComparison.OrdinalIgnoreCase) && !last.Equals("of", StringComparison.OrdinalIgnoreCase) && !last.Equals("dated", StringComparison.OrdinalIgnoreCase)) return false;
        return words.Length >= 2 && words[^Math.Min(3, words.Length)..^1].Any(RecordNouns.Contains);
    }

    private static DateInference Done(PublicationDate d) => new(d, []);
}
