namespace Sitrep.Text.Time;

/// <summary>Month and weekday names in English, Russian and Ukrainian (all cases news uses), looked up without allocation.</summary>
public static class CalendarWords
{
    private static readonly Dictionary<string, int> Months = Build(
        (1, "january jan январь января январе январю січень січня січні"),
        (2, "february feb февраль февраля феврале лютий лютого лютому"),
        (3, "march mar март марта марте березень березня березні"),
        (4, "april apr апрель апреля апреле квітень квітня квітні"),
        (5, "may май мая мае травень травня травні"),
        (6, "june jun июнь июня июне червень червня червні"),
        (7, "july jul июль июля июле липень липня липні"),
        (8, "august aug август августа августе серпень серпня серпні"),
        (9, "september sep sept сентябрь сентября сентябре вересень вересня вересні"),
        (10, "october oct октябрь октября октябре жовтень жовтня жовтні"),
        (11, "november nov ноябрь ноября ноябре листопад листопада листопаді"),
        (12, "december dec декабрь декабря декабре грудень грудня грудні"));

    private static readonly Dictionary<string, int> Weekdays = Build(
        ((int)DayOfWeek.Monday, "monday понедельник понедельника понеділок понеділка"),
        ((int)DayOfWeek.Tuesday, "tuesday вторник вторника вівторок вівторка"),
        ((int)DayOfWeek.Wednesday, "wednesday среда среду середа середу"),
        ((int)DayOfWeek.Thursday, "thursday четверг четверга четвер четверга"),
        ((int)DayOfWeek.Friday, "friday пятница пятницу пятниця пятницю п'ятниця п'ятницю"),
        ((int)DayOfWeek.Saturday, "saturday суббота субботу субота суботу"),
        ((int)DayOfWeek.Sunday, "sunday воскресенье воскресенья неділя неділю"));

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthLookup = Months.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WeekdayLookup = Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>1–12 for a month name or abbreviation, else 0.</summary>
    public static int Month(ReadOnlySpan<char> word) => MonthLookup.TryGetValue(word, out var m) ? m : 0;

    public static DayOfWeek? Weekday(ReadOnlySpan<char> word) => WeekdayLookup.TryGetValue(word, out var d) ? (DayOfWeek)d : null;

    /// <summary>Month names that are also common English words, which only count when written with a capital.</summary>
    public static bool IsAmbiguousMonthWord(ReadOnlySpan<char> word) =>
        word.Equals("may", StringComparison.OrdinalIgnoreCase) || word.Equals("march", StringComparison.OrdinalIgnoreCase)
        || word.Equals("mar", StringComparison.OrdinalIgnoreCase) || word.Equals("jan", StringComparison.OrdinalIgnoreCase)
        || word.Equals("sep", StringComparison.OrdinalIgnoreCase) || word.Equals("dec", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, int> Build(params (int Value, string Words)[] rows)
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (value, words) in rows)
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                d[w] = value;
        return d;
    }
}
