using System.Globalization;
using Sitrep.Core.Documents;
using Sitrep.Core.Time;
using Sitrep.Text.Sentences;
using Sitrep.Text.Tokens;

namespace Sitrep.Text.Time;

/// <summary>
/// Finds time expressions and normalises them against the document's date, the way news is written: "on Wednesday"
/// in a Thursday article is the day before unless the sentence speaks of the future; "last August" from March 2025 is
/// 2024-08; a date without a year is the latest such day up to the article unless the sentence looks ahead. Rules over
/// tokens, tried longest first at each position; no regular expressions.
/// </summary>
public static partial class TimeTagger
{
    private static readonly TimeLexicon Lexicon = TimeLexicon.Default;
    private static readonly Dictionary<string, int> NumberWords = Lexicon.Numbers;
    private static readonly HashSet<string> Vague = Lexicon.Vague;
    private static readonly Dictionary<string, (string Code, bool Time)> Units = Lexicon.Units;
    private static readonly Dictionary<string, string> Seasons = Lexicon.Seasons;
    private static readonly Dictionary<string, int> Ordinals = Lexicon.Ordinals;
    private static readonly HashSet<string> Zones = Lexicon.Set("zones");
    private static readonly HashSet<string> FutureWords = Lexicon.Set("future");
    private static readonly HashSet<string> ModalWords = Lexicon.Set("modal");
    private static readonly HashSet<string> PastWords = Lexicon.Set("past");
    private static readonly HashSet<string> BeforeToWords = Lexicon.Set("before-to");
    private static readonly HashSet<string> PlanInThePastWords = Lexicon.Set("plan-in-the-past");
    private static readonly HashSet<string> YearCues = Lexicon.Set("year-before");
    private static readonly HashSet<string> MonthCues = Lexicon.Set("month-before");
    private static readonly HashSet<string> SeasonCues = Lexicon.Set("season-before");
    private static readonly HashSet<string> ClockCues = Lexicon.Set("clock-before");
    private static readonly HashSet<string> Morning = Lexicon.Set("morning-suffix");
    private static readonly HashSet<string> Evening = Lexicon.Set("evening-suffix");
    private static readonly HashSet<string> OClock = Lexicon.Set("oclock");
    private static readonly HashSet<string> SpanCues = Lexicon.Set("span-before");
    private static readonly HashSet<string> VagueSpanCues = Lexicon.Set("vague-span-before");
    private static readonly HashSet<string> FromEvent = Lexicon.Set("counted-from-event");
    private static readonly HashSet<string> ResultsWords = Lexicon.Set("results");

    private sealed class Context(Word[] words, Tenses future, DateOnly? anchor)
    {
        public readonly Tenses Future = future;
        public readonly DateOnly? Anchor = anchor;
        public int Count => words.Length;
        public string L(int i) => i >= 0 && i < words.Length ? words[i].Lower : "";
        public string T(int i) => i >= 0 && i < words.Length ? words[i].Raw : "";
        public int Month(int i) => i >= 0 && i < words.Length ? words[i].Month : 0;
        public DayOfWeek? Weekday(int i) => i >= 0 && i < words.Length ? words[i].Weekday : null;
        public int? Number(int i) => i >= 0 && i < words.Length ? words[i].Number : null;

        /// <summary>The quarter the text last named ("the fiscal first quarter"), which "the quarter", "the period" and "a year earlier" then refer to.</summary>
        public (int Year, int Quarter)? Named;

        /// <summary>The quarter a results report speaks of: the one it last named, else the one that ended before the report.</summary>
        public (int Year, int Quarter)? Reported => Named ?? lastEnded;

        private readonly (int Year, int Quarter)? lastEnded = anchor?.AddDays(-45) is { } ended ? (ended.Year, QuarterNumber(ended)) : null;
    }

    /// <param name="Ahead">The direction a relative expression was read in, when the expression itself says so ("next Friday").</param>
    private readonly record struct Match(int Length, TimexType Type, string Value, string? Mod = null, int Start = 0, bool? Ahead = null);

    /// <summary>The time expressions of a text, their values anchored to <paramref name="anchor"/> (the document's date) where it is known.</summary>
    public static List<TimeExpression> Tag(string text, DateOnly? anchor)
    {
        var result = new List<TimeExpression>();
        Scan(text, anchor, result, null);
        return result;
    }

    /// <summary>
    /// As <see cref="Tag"/>, with whether each expression looks ahead of the document's date: what dating a document
    /// without a date needs, when an unanchored "Tuesday" (XXXX-WXX-2) must be placed before or after it.
    /// </summary>
    public static List<TaggedTime> Read(string text, DateOnly? anchor)
    {
        var times = new List<TimeExpression>();
        var ahead = new List<bool>();
        Scan(text, anchor, times, ahead);
        return times.Select((t, k) => new TaggedTime(t, ahead[k])).ToList();
    }

    private static void Scan(string text, DateOnly? anchor, List<TimeExpression> result, List<bool>? ahead)
    {
        var tokens = Tokenizer.Tokenize(text);
        var words = new Word[tokens.Count];
        var flagsOf = new WordFlags[tokens.Count];
        var table = cache ??= new Slot[1 << 15];
        for (var i = 0; i < tokens.Count; i++) words[i] = WordOf(text.AsSpan(tokens[i].Start, tokens[i].Length), table, out flagsOf[i]);
        var future = new Tenses(text, tokens, words, flagsOf);
        var c = new Context(words, future, anchor);
        for (var i = 0; i < tokens.Count;)
        {
            var flags = flagsOf[i];
            var m = (flags & WordFlags.MayStart) != 0
                    && ((flags & WordFlags.Leader) == 0 || i + 1 >= words.Length || (flagsOf[i + 1] & (WordFlags.MayStart | WordFlags.Follower)) != 0)
                ? Try(c, i) : null;
            if (m is not { } match) { i++; continue; }
            var start = i + match.Start;
            var end = i + match.Length - 1;
            result.Add(new TimeExpression(new TextSpan(tokens[start].Start, tokens[end].End), match.Type, match.Value, match.Mod));
            ahead?.Add(match.Ahead ?? future[start]);
            i += match.Length;
        }
    }

    /// <summary>Words besides numbers and calendar words that may begin an expression ("today", "the", "last").</summary>
    private static readonly HashSet<string> Starters = Lexicon.Set("starts");

    /// <summary>
    /// Common words that begin an expression only before another calendar word ("the year", "a week ago", "on Monday",
    /// "that day"): before anything else they are skipped without trying every rule.
    /// </summary>
    private static readonly HashSet<string> Leaders = Lexicon.Set("leaders");
    private static readonly HashSet<string> Followers = Lexicon.Set("followers");

    /// <summary>Only digits, calendar words, numbers, units and a closed set of words can begin an expression: the rest are skipped at once.</summary>
    private static bool MayStart(string w) =>
        w.Length > 0 && (char.IsAsciiDigit(w[0]) || w.Contains('-') || Starters.Contains(w) || NumberWords.ContainsKey(w) || Vague.Contains(w)
                         || Units.ContainsKey(Singular(w)) || Seasons.ContainsKey(w) || Lexicon.Phrases.ContainsKey(w) || CalendarWords.Month(w.AsSpan().TrimEnd('.')) > 0
                         || CalendarWords.Weekday(w) is not null || (w.Length > 6 && w[^1] == 's' && CalendarWords.Weekday(w.AsSpan()[..^1]) is not null));

    private static int IsoDay(DayOfWeek d) => d == DayOfWeek.Sunday ? 7 : (int)d;

    private static Match? Try(Context c, int i) =>
        NumericDate(c, i) ?? MonthDate(c, i) ?? Quarter(c, i) ?? Relative(c, i) ?? Ago(c, i) ?? Season(c, i) ?? ClockTime(c, i)
        ?? Weekday(c, i) ?? Set(c, i) ?? Duration(c, i) ?? Year(c, i);
}
