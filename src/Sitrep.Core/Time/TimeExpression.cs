using Sitrep.Core.Documents;

namespace Sitrep.Core.Time;

public enum TimexType { Date, Time, Duration, Set }

/// <summary>
/// A time expression in TimeML's TIMEX3 terms: its span, its type and its normalised value ("2025-03-12", "2025-W11",
/// "P30D", "PAST_REF", "XXXX-08-07" where the year cannot be known), with an optional modifier (START, MID, END, APPROX…).
/// </summary>
public readonly record struct TimeExpression(TextSpan Span, TimexType Type, string Value, string? Mod = null)
{
    public static string TypeName(TimexType t) => t switch
    {
        TimexType.Date => "DATE",
        TimexType.Time => "TIME",
        TimexType.Duration => "DURATION",
        _ => "SET",
    };
}

/// <summary>A time expression and whether the text reads it as ahead of the document's date (tense, "next", "by").</summary>
public readonly record struct TaggedTime(TimeExpression Time, bool LooksAhead);
