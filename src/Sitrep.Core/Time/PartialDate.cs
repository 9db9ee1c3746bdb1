using System.Globalization;

namespace Sitrep.Core.Time;

/// <summary>
/// A calendar date whose parts may be unknown: "11 March 17:40" has no year, "August 2024" no day.
/// Unlike a DateTime it never invents the parts a text did not give.
/// </summary>
public readonly record struct PartialDate(int? Year, int? Month, int? Day, int? Hour = null, int? Minute = null)
{
    public static PartialDate OfDay(DateOnly d) => new(d.Year, d.Month, d.Day);

    /// <summary>The finest part known, counting from the year down without gaps.</summary>
    public DatePrecision Precision =>
        Year is null ? DatePrecision.Unknown
        : Month is null ? DatePrecision.Year
        : Day is null ? DatePrecision.Month
        : Hour is null ? DatePrecision.Day
        : Minute is null ? DatePrecision.Hour
        : DatePrecision.Minute;

    public bool HasDay => Month is not null && Day is not null;

    public DateOnly? AsDay => Year is { } y && Month is { } m && Day is { } d && IsValid(y, m, d) ? new DateOnly(y, m, d) : null;

    public PartialDate WithYear(int year) => this with { Year = year };

    public static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>ISO 8601 cut to the precision; unknown parts are written as X, as TimeML does ("XXXX-03-11").</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        var s = Year is { } y ? y.ToString("D4", inv) : "XXXX";
        if (Month is not { } m) return s;
        s += "-" + m.ToString("D2", inv);
        if (Day is not { } d) return s;
        s += "-" + d.ToString("D2", inv);
        if (Hour is not { } h) return s;
        s += "T" + h.ToString("D2", inv);
        return Minute is { } min ? s + ":" + min.ToString("D2", inv) : s;
    }

    /// <summary>Reads what <see cref="ToString"/> writes.</summary>
    public static PartialDate? Parse(string? s)
    {
        if (string.IsNullOrEmpty(s)) return null;
        static int? Part(string s, int start, int len) =>
            s.Length >= start + len && int.TryParse(s.AsSpan(start, len), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        return new PartialDate(Part(s, 0, 4), Part(s, 5, 2), Part(s, 8, 2), Part(s, 11, 2), Part(s, 14, 2));
    }
}
