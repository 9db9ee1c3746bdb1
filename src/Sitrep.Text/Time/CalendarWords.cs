namespace Sitrep.Text.Time;

/// <summary>Month and weekday names in every language of data/time, looked up without allocation.</summary>
public static class CalendarWords
{
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthLookup = TimeLexicon.Default.Months.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WeekdayLookup = TimeLexicon.Default.Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CapitalisedLookup = TimeLexicon.Default.CapitalisedMonths.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>1–12 for a month name or abbreviation, else 0.</summary>
    public static int Month(ReadOnlySpan<char> word) => MonthLookup.TryGetValue(word, out var m) ? m : 0;

    public static DayOfWeek? Weekday(ReadOnlySpan<char> word) => WeekdayLookup.TryGetValue(word, out var d) ? (DayOfWeek)d : null;

    /// <summary>Month names that are also common words, which only count when written with a capital.</summary>
    public static bool IsAmbiguousMonthWord(ReadOnlySpan<char> word) => CapitalisedLookup.Contains(word);
}
