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
    private static readonly HashSet<string> DeadlineCues = TimeLexicon.Default.Set("deadline");
    private static readonly HashSet<string> RecordNouns = TimeLexicon.Default.Set("record");

    /// <param name="yearHint">A year to assume when neither header nor body gives one (from the other articles of the collection).</param>
    public static DateInference Infer(string body, PartialDate? header, int? yearHint = null) => Infer(body, header, yearHint, []);

    /// <summary>
    /// As <see cref="Infer(string, PartialDate?, int?)"/>, with the publication days of the other articles of the
    /// collection: they give the year and the week when the text names only days ("on Tuesday", "March 7"), and the
    /// date itself when the text names none.
    /// </summary>
    public static DateInference Infer(string body, PartialDate? header, int? yearHint, IReadOnlyList<CollectionDay> collection)
    {
        if (header is { Year: not null } full)
            return Done(PublicationDate.Exact(full, DateSource.Header, "header date line"));

        var tagged = TimeTagger.Read(body, null);
        var dates = new List<(PartialDate Date, TextSpan Span, bool Ahead)>();
        var weekdays = new List<(DayOfWeek Day, bool Ahead)>();
        foreach (var (time, ahead) in tagged)
        {
            if (time.Type is not (TimexType.Date or TimexType.Time)) continue;
            var value = time.Value;
            if (value.StartsWith("XXXX-WXX-", StringComparison.Ordinal))
            {
                if (value.Length > 9 && value[9] is >= '1' and <= '7')
                    weekdays.Add(((DayOfWeek)((value[9] - '0') % 7), ahead || DeadlineCues.Contains(WordBefore(body, time.Span.Start).ToLowerInvariant())));
                continue;
            }
            if (CalendarValue(value) is { } date) dates.Add((date, time.Span, ahead));
        }
        // a year alone is too often history ("built in 2018", "in 1991"): only a dated month or day says which year the story is in
        var withYear = dates.Where(d => d.Date is { Year: not null, Month: not null }).ToList();
        DateOnly? anchor = withYear.Count == 0 ? null : withYear.Max(d => d.Date.AsDay ?? new DateOnly(d.Date.Year!.Value, d.Date.Month!.Value, 1));
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

        var evidence = new PublicationEvidence();
        var yearless = new List<(int, int)>();
        (DateOnly Day, TextSpan Span)? latestPast = null;
        foreach (var (date, span, ahead) in dates)
        {
            DateOnly day;
            if (date is { Year: { } dy, Month: { } dm, Day: null })
            {
                if (!ahead) evidence.PastMonths.Add(new DateOnly(dy, dm, 1));
                continue;
            }
            if (date is not { Month: { } mo, Day: { } d }) continue;
            if (date.AsDay is { } known) day = known;
            else if (date.Year is not null) continue;
            else if (anchor is { } a)
            {
                // the first such day on or after the latest dated reference: "On 6 August 2024 ... On 12 March" is March 2025
                var yy = a.Year;
                while (!PartialDate.IsValid(yy, mo, d) || new DateOnly(yy, mo, d) < a) { yy++; if (yy > a.Year + 4) break; }
                if (!PartialDate.IsValid(yy, mo, d)) continue;
                day = new DateOnly(yy, mo, d);
            }
            else if (yearHint is { } h && PartialDate.IsValid(h, mo, d)) day = new DateOnly(h, mo, d);
            else { yearless.Add((mo, d)); continue; }
            if (ahead) { evidence.AheadDays.Add(day); continue; }
            if (IsStrictlyPast(body, span)) evidence.StrictlyBefore.Add(day);
            else evidence.PastDays.Add(day);
            if (latestPast is null || day > latestPast.Value.Day) latestPast = (day, span);
        }
        foreach (var (day, ahead) in weekdays) (ahead ? evidence.AheadWeekdays : evidence.PastWeekdays).Add(day);

        if (yearless.Count > 0 && !evidence.HasDays && collection.Count == 0) return new DateInference(PublicationDate.Unknown, yearless);
        // weekdays alone, with nothing to say which week, cannot date a text
        if (!evidence.HasDays && evidence.PastMonths.Count == 0 && collection.Count == 0) return Done(PublicationDate.Unknown);

        var best = evidence.Candidates(collection).MinBy(p => evidence.Cost(p, collection));
        var note = Explain(body, evidence, latestPast, weekdays, collection, best);
        if (anchor is null && yearHint is not null && evidence.HasDays) note += $"; year {yearHint} from the other articles of the collection";
        return Done(PublicationDate.Between(best, best.AddDays(1), DateSource.Body, note));
    }

    private static string Explain(string body, PublicationEvidence evidence, (DateOnly Day, TextSpan Span)? latestPast,
        List<(DayOfWeek Day, bool Ahead)> weekdays, IReadOnlyList<CollectionDay> collection, DateOnly best)
    {
        var parts = new List<string>();
        if (latestPast is { } lp)
            parts.Add($"latest date in the text {lp.Day:yyyy-MM-dd} ('{lp.Span.Of(body)}')"
                      + (evidence.StrictlyBefore.Contains(lp.Day) ? ", cited as already past" : ""));
        else if (evidence.PastMonths.Count > 0) parts.Add($"latest month in the text {evidence.PastMonths.Max():yyyy-MM}");
        if (evidence.AheadDays.Count > 0) parts.Add($"{evidence.AheadDays.Min():yyyy-MM-dd} still ahead");
        foreach (var g in weekdays.GroupBy(w => w))
            parts.Add($"{g.Key.Day} {(g.Key.Ahead ? "ahead" : "past")} ({g.Count()} mention{(g.Count() == 1 ? "" : "s")})");
        if (collection.Count > 0 && (!evidence.HasDays || weekdays.Count > 0))
        {
            var nearest = collection.OrderByDescending(c => c.Similarity).First();
            parts.Add($"the most alike article of the collection is dated {nearest.Day:yyyy-MM-dd}");
        }
        return string.Join("; ", parts) + $"; news day {best:yyyy-MM-dd}";
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
    /// The date the other articles of the collection allow when the text alone does not: their publication days,
    /// each with how alike its article is to this one. Null when the collection adds nothing.
    /// </summary>
    public static PublicationDate? InferFromCollection(string body, PartialDate? header, IReadOnlyList<CollectionDay> others)
    {
        if (others.Count == 0) return null;
        var first = Infer(body, header);
        if (first.Date.Source is not (DateSource.None or DateSource.Body)) return null;
        int? year = first.NeedsYear ? YearFromCollection(first.NeedsYearFor, others.Select(o => o.Day).ToList()) : null;
        var second = header is { Year: null } ? Infer(body, header, year) : Infer(body, header, year, others);
        return second.Date.Value is null ? null : second.Date;
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
        return words.Length >= 2 && words[^Math.Min(3, words.Length)..^1].Any(w => RecordNouns.Contains(w.ToLowerInvariant()));
    }

    private static DateInference Done(PublicationDate d) => new(d, []);
}
