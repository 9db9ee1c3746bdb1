using Sitrep.Core.Time;

namespace Sitrep.Text.Time;

/// <summary>A publication day of another article of the collection, weighted by how much that article shares with this one.</summary>
public readonly record struct CollectionDay(DateOnly Day, double Similarity);

/// <summary>
/// What a text says about when it was written, as costs over candidate publication days; the cheapest day wins.
/// News is written about the recent past: a date the text reads as past lies on or before publication (a hard bound),
/// and the nearer the latest such date, the likelier the day; a weekday read as past ("on Tuesday") is one of the
/// few days before publication, one read as ahead one of the days after. Articles of the same collection, the more alike the more, put the candidates near their own days
/// when the text dates no day itself.
/// </summary>
internal sealed class PublicationEvidence
{
    /// <summary>The cost of breaking a bound the text sets: far above any count of days' staleness.</summary>
    private const double Broken = 100;
    /// <summary>A date read as ahead may be misread (tense cues are few): breaking it costs less than a bound.</summary>
    private const double AheadBroken = 3;
    /// <summary>
    /// News names the days of the last week by their weekday and older ones by their date (AP style): a weekday the
    /// text reads as past says more about the news day than its latest date does.
    /// </summary>
    private const double DateWeight = 0.5;
    /// <summary>How much less alike an article must be to count as one more day away.</summary>
    private const double DissimilarityDays = 3;

    public readonly List<DateOnly> PastDays = [];
    /// <summary>The first day publication may be, from dates cited as already past ("footage from June 20").</summary>
    public readonly List<DateOnly> StrictlyBefore = [];
    /// <summary>Months read as past: publication is no earlier than their first day.</summary>
    public readonly List<DateOnly> PastMonths = [];
    public readonly List<DateOnly> AheadDays = [];
    public readonly List<DayOfWeek> PastWeekdays = [];
    public readonly List<DayOfWeek> AheadWeekdays = [];

    public bool HasDays => PastDays.Count > 0 || StrictlyBefore.Count > 0 || AheadDays.Count > 0;
    public bool IsEmpty => !HasDays && PastMonths.Count == 0 && PastWeekdays.Count == 0 && AheadWeekdays.Count == 0;

    /// <summary>The candidate days to score: after the latest past date and around the collection's days.</summary>
    public IEnumerable<DateOnly> Candidates(IReadOnlyList<CollectionDay> collection)
    {
        var days = new HashSet<DateOnly>();
        var bounds = PastDays.Concat(StrictlyBefore).Concat(PastMonths).ToList();
        if (bounds.Count > 0)
        {
            var latest = bounds.Max();
            for (var k = 0; k <= 62; k++) days.Add(latest.AddDays(k));
        }
        else foreach (var d in AheadDays) for (var k = 1; k <= 14; k++) days.Add(d.AddDays(-k));
        foreach (var c in collection)
            for (var k = -7; k <= 14; k++) days.Add(c.Day.AddDays(k));
        return days.Order();
    }

    public double Cost(DateOnly p, IReadOnlyList<CollectionDay> collection)
    {
        var cost = 0.0;
        DateOnly? latest = null;
        foreach (var d in PastDays)
        {
            if (p < d) cost += Broken;
            else if (latest is null || d > latest) latest = d;
        }
        foreach (var d in StrictlyBefore) if (p <= d) cost += Broken;
        foreach (var m in PastMonths) if (p < m) cost += Broken;
        foreach (var d in AheadDays) if (p >= d) cost += AheadBroken;
        if (latest is { } l) cost += DateWeight * Stale(p.DayNumber - l.DayNumber);
        foreach (var w in PastWeekdays) cost += Stale(((int)p.DayOfWeek - (int)w + 7) % 7);
        // the next such weekday after p: one day on costs nothing, a week on the most
        foreach (var w in AheadWeekdays) cost += Stale(((int)w - (int)p.DayOfWeek + 6) % 7);
        // a day the text dates itself outweighs the collection, which then only gives the year
        if (collection.Count > 0 && PastDays.Count == 0 && StrictlyBefore.Count == 0)
        {
            var best = collection.Max(c => c.Similarity);
            cost += collection.Min(c => Distance(p, c.Day) + DissimilarityDays * (best > 0 ? 1 - c.Similarity / best : 0));
        }
        return cost;
    }

    /// <summary>Days of staleness cost less each: a week-old story is not seven times less likely than a day-old one.</summary>
    private static double Stale(int days) => Math.Log2(1 + days);

    /// <summary>An article tends to follow the ones like it: a day before them costs twice a day after.</summary>
    private static double Distance(DateOnly p, DateOnly day) =>
        p >= day ? Stale(p.DayNumber - day.DayNumber) : 2 * Stale(day.DayNumber - p.DayNumber);
}
