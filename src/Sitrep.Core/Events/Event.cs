using System.Globalization;
using Sitrep.Core.Claims;
using Sitrep.Core.Documents;

namespace Sitrep.Core.Events;

/// <summary>
/// When an event happened, as an interval of days: "2025-03-12" is one day, "2025-03" a month, a publication range two
/// days. <see cref="Precision"/> is the export's word for it; <see cref="FromText"/> says whether the text gave it or
/// it fell back to the publication date.
/// </summary>
public sealed record EventDate(DateOnly From, DateOnly To, string Precision, bool FromText)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>ISO 8601 cut to the precision; a range is written as its first day, with <see cref="To"/> beside it.</summary>
    public string Value => Precision switch
    {
        "year" => From.ToString("yyyy", CultureInfo.InvariantCulture),
        "month" => From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public bool Overlaps(EventDate other) => From <= other.To && other.From <= To;

    /// <summary>A TIMEX3 value on the calendar ("2025-03-12", "2025-03-12TEV", "2025-03", "2025", "2025-W11"), or null.</summary>
    public static EventDate? FromTimex(string value)
    {
        var inv = CultureInfo.InvariantCulture;
        if (value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, inv, out var year) || year < 1) return null;
        if (value.Length == 4) return new EventDate(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), "year", true);
        if (value.Length >= 8 && value[5] == 'W' && int.TryParse(value.AsSpan(6, 2), NumberStyles.None, inv, out var week) && week is >= 1 and <= 53)
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
            return new EventDate(monday, monday.AddDays(6), "range", true);
        }
        if (value.Length < 7 || !int.TryParse(value.AsSpan(5, 2), NumberStyles.None, inv, out var month) || month is < 1 or > 12) return null;
        var first = new DateOnly(year, month, 1);
        if (value.Length < 10 || !int.TryParse(value.AsSpan(8, 2), NumberStyles.None, inv, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month))
            return new EventDate(first, first.AddMonths(1).AddDays(-1), "month", true);
        var d = new DateOnly(year, month, day);
        return new EventDate(d, d, "day", true);
    }
}

/// <summary>A number an event report gives, with its unit and its words.</summary>
public sealed record EventQuantity(double Value, double? Of, string? Unit, string Text, string Document);

/// <summary>One article's report of an event: where it says so, and the claim it rests on.</summary>
public sealed record EventReport(string Document, string ClaimId, TextSpan Span, TextSpan Trigger, Stance Stance, string? Source, EventDate? Date);

/// <summary>
/// Sources that disagree about one field of an event: the values, the documents that give them, and the claims (each
/// with its source and span) that carry them, in the same order.
/// </summary>
public sealed record EventConflict(string Field, IReadOnlyList<string> Values, IReadOnlyList<string> Documents)
{
    public IReadOnlyList<string> Claims { get; init; } = [];
}

/// <summary>
/// One real event, however many articles report it: its type, date, place and actors (entity ids), the numbers given,
/// its status across the reports, every report, and where the reports disagree.
/// </summary>
public sealed record Event(
    string Id,
    string Type,
    EventDate? Date,
    string? Place,
    IReadOnlyList<string> Actors,
    string Summary,
    IReadOnlyList<EventQuantity> Quantities,
    string Status,
    IReadOnlyList<EventReport> Reports,
    IReadOnlyList<EventConflict> Conflicts)
{
    /// <summary>Who or what it was done to (entity ids), most reported first.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];
}

/// <summary>A claim with its id, its sentence's text, and its source resolved to an entity where one is named.</summary>
public sealed record ResolvedClaim(string Id, string Document, Claim Claim, string Text, string? SourceEntity, string? SourceText);

/// <summary>What the corpus says, resolved across articles: the entities, who claims what, and the events.</summary>
public sealed record Story(IReadOnlyList<Entities.Entity> Entities, IReadOnlyList<ResolvedClaim> Claims, IReadOnlyList<Event> Events)
{
    public static Story Of(IReadOnlyList<Entities.Entity> entities) => new(entities, [], []);
}
