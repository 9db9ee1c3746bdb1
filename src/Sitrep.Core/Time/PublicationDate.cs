namespace Sitrep.Core.Time;

/// <summary>
/// When an article was published, as precisely as the evidence allows, and where that evidence came from.
/// A date inferred from the body is usually a range of candidate days; <see cref="Note"/> says how it was reached.
/// </summary>
public sealed record PublicationDate(PartialDate? Value, DatePrecision Precision, DateOnly? From, DateOnly? To, DateSource Source, string? Note)
{
    public static readonly PublicationDate Unknown = new(null, DatePrecision.Unknown, null, null, DateSource.None, null);

    public static PublicationDate Exact(PartialDate value, DateSource source, string? note = null) =>
        new(value, value.Precision, null, null, source, note);

    /// <summary>A range of candidate days; a range of one day is simply that day.</summary>
    public static PublicationDate Between(DateOnly from, DateOnly to, DateSource source, string? note) =>
        from == to
            ? new(PartialDate.OfDay(from), DatePrecision.Day, null, null, source, note)
            : new(PartialDate.OfDay(from), DatePrecision.Range, from, to, source, note);

    /// <summary>The day relative expressions in the text count from: the last candidate day, since news speaks of the days before it.</summary>
    public DateOnly? AnchorDay => To ?? Value?.AsDay;

    /// <summary>The earliest day it may be, for ordering articles.</summary>
    public DateOnly? EarliestDay => From ?? Value?.AsDay ?? (Value is { Year: { } y } v ? new DateOnly(y, v.Month ?? 1, 1) : null);
}
