using Sitrep.Core.Time;

namespace Sitrep.Text.Time;

public static class DayAnchoring
{
    /// <summary>
    /// The day a date mention names, read as news reads it: a date without a year is the latest such day not after
    /// the article's date (plus a day's grace), so "On August 7" in an article of 2024-09-21 is 2024-08-07.
    /// </summary>
    public static DateOnly? Resolve(PartialDate mention, DateOnly? reference)
    {
        if (mention.AsDay is { } day) return day;
        if (mention is not { Year: null, Month: { } m, Day: { } d } || reference is not { } r) return null;
        for (var y = r.Year + 1; y >= r.Year - 2; y--)
            if (PartialDate.IsValid(y, m, d) && new DateOnly(y, m, d) <= r.AddDays(1)) return new DateOnly(y, m, d);
        return null;
    }
}
