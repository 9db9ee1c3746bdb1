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
public static class TimeTagger
{
    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["hundred"] = 100, ["a few"] = -1,
    };

    private static readonly HashSet<string> Vague = new(StringComparer.Ordinal) { "several", "few", "many", "some", "couple", "numerous" };

    private static readonly Dictionary<string, (string Code, bool Time)> Units = new(StringComparer.Ordinal)
    {
        ["second"] = ("S", true), ["minute"] = ("M", true), ["hour"] = ("H", true), ["day"] = ("D", false), ["night"] = ("D", false),
        ["week"] = ("W", false), ["weekend"] = ("WE", false), ["month"] = ("M", false), ["year"] = ("Y", false), ["decade"] = ("DE", false),
        ["century"] = ("CE", false), ["quarter"] = ("Q", false),
    };

    private static readonly Dictionary<string, string> Seasons = new(StringComparer.Ordinal)
    {
        ["spring"] = "SP", ["summer"] = "SU", ["fall"] = "FA", ["autumn"] = "FA", ["winter"] = "WI",
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["1st"] = 1, ["2nd"] = 2, ["3rd"] = 3, ["4th"] = 4,
    };

    private static readonly HashSet<string> Zones = new(StringComparer.OrdinalIgnoreCase) { "est", "edt", "cst", "cdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "msk" };
    private static readonly HashSet<string> FutureWords = new(StringComparer.Ordinal) { "will", "'ll", "shall", "would", "scheduled", "upcoming", "planned", "plans", "expected", "due" };
    /// <summary>Past forms that do not end in -ed.</summary>
    private static readonly HashSet<string> PastWords = new(StringComparer.Ordinal)
    {
        "was", "were", "had", "did", "met", "left", "came", "began", "took", "made", "gave", "held", "fell", "rose", "won", "lost", "went", "sent", "struck",
        "fled", "hit", "shot", "saw", "got", "led", "ran", "sold", "bought", "paid", "spent", "built", "broke", "became", "brought", "caught", "fought",
        "flew", "grew", "kept", "knew", "meant", "put", "set", "stood", "thought", "threw", "wrote", "ago", "earlier", "last", "yesterday", "said", "told",
    };

    private static readonly HashSet<string> YearCues = new(StringComparer.Ordinal)
    {
        "in", "since", "until", "till", "by", "of", "from", "before", "after", "during", "through", "fiscal", "year", "early", "late", "mid", "between", "and", "to", "around", "throughout", "for",
    };

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

    private const int CueAfterPenalty = 2;
    /// <summary>A cue after the expression only speaks for it this close: farther on it belongs to another clause.</summary>
    private const int CueAfterReach = 8;
    /// <summary>An -ed word is often an adjective ("armed", "untouched"): it only decides for an expression this close.</summary>
    private const int WeakCueReach = 3;

    /// <summary>
    /// Which tokens sit in a future context: the nearest tense cue in the same sentence decides (will, would, scheduled,
    /// is to… against a past form: -ed words, said, met, ago…). A cue before the expression counts for more than one
    /// after it, since English puts the verb first ("said on Tuesday that it would", "will meet on Friday, officials
    /// said"). A quotation's tense is the speaker's, not the report's. Without any cue the report's past holds.
    /// Worked out a sentence at a time, only for the sentences where an expression is tried.
    /// </summary>
    private sealed class Tenses
    {
        private readonly Word[] words;
        private readonly WordFlags[] flags;
        /// <summary>Per token: where its sentence starts and ends, in token indexes.</summary>
        private readonly (int First, int End)[] sentence;
        /// <summary>Per token: 0 while its tense is not worked out, then 1 for past and 2 for future.</summary>
        private readonly byte[] tense;

        public Tenses(string text, List<TextSpan> tokens, Word[] words, WordFlags[] flags)
        {
            this.words = words;
            this.flags = flags;
            var n = words.Length;
            sentence = new (int, int)[n];
            tense = new byte[n];
            var k = 0;
            foreach (var s in SentenceSplitter.Split(text))
            {
                var first = k;
                while (k < n && tokens[k].Start < s.End) k++;
                sentence.AsSpan(first, k - first).Fill((first, k));
            }
            sentence.AsSpan(k).Fill((k, n));
        }

        public bool this[int j]
        {
            get
            {
                if (tense[j] == 0) Decide(sentence[j].First, sentence[j].End);
                return tense[j] == 2;
            }
        }

        private void Decide(int first, int end)
        {
            // +1 future, -1 past; ±2 for a weak cue (an -ed word)
            Span<sbyte> cue = end - first <= 512 ? stackalloc sbyte[end - first] : new sbyte[end - first];
            var quoted = false;
            for (var j = first; j < end; j++)
            {
                var f = flags[j];
                if ((f & WordFlags.Quote) != 0) { var w = words[j].Raw; quoted = w is "“" or "«" || (w == "\"" && !quoted); continue; }
                if (quoted || (f & WordFlags.Cue) == 0) continue;
                ref var c = ref cue[j - first];
                if ((f & WordFlags.Future) != 0 || ((f & WordFlags.To) != 0 && j > first && (flags[j - 1] & WordFlags.BeforeTo) != 0))
                    c = (sbyte)((f & WordFlags.Modal) == 0 && PlanInThePast(words, j, first) ? -1 : 1);
                else if ((f & WordFlags.Past) != 0) c = -1;
                else if ((f & WordFlags.WeakPast) != 0) c = -2;
            }
            // the nearest cue of each strength on each side, in one pass each way
            int strongBefore = -1, weakBefore = -1;
            Span<int> before = end - first <= 256 ? stackalloc int[2 * (end - first)] : new int[2 * (end - first)];
            for (var j = first; j < end; j++)
            {
                var c = cue[j - first];
                if (c is 1 or -1) strongBefore = j; else if (c != 0) weakBefore = j;
                before[2 * (j - first)] = strongBefore;
                before[2 * (j - first) + 1] = weakBefore;
            }
            int strongAfter = -1, weakAfter = -1;
            for (var j = end - 1; j >= first; j--)
            {
                var strong = Closer(j, before[2 * (j - first)], strongAfter);
                var weak = Closer(j, before[2 * (j - first) + 1], weakAfter);
                var pick = weak.Index >= 0 && weak.Distance <= WeakCueReach && weak.Distance < strong.Distance ? weak.Index : strong.Index;
                tense[j] = (byte)(pick >= 0 && cue[pick - first] > 0 ? 2 : 1);
                var c = cue[j - first];
                if (c is 1 or -1) strongAfter = j; else if (c != 0) weakAfter = j;
            }
        }
    }

    /// <summary>"had been due to expire", "was expected to": a plan that belongs to the past.</summary>
    private static bool PlanInThePast(Word[] words, int j, int first)
    {
        for (var x = j - 1; x >= Math.Max(first, j - 3); x--) if (words[x].Lower is "had" or "was" or "were" or "been") return true;
        return false;
    }

    [Flags]
    private enum WordFlags : ushort
    {
        None = 0, MayStart = 1, Leader = 2, Follower = 4, Future = 8, Modal = 16, Past = 32, WeakPast = 64, Quote = 128, To = 256, BeforeTo = 512,
        Cue = Future | Past | WeakPast | To,
    }

    /// <summary>A token's text, its lower case and what the tagger needs to know of it, worked out once per distinct word.</summary>
    /// <param name="Month">The month the word names where it may stand for one (1–12; "may" and "march" in lower case do not), else 0.</param>
    /// <param name="Number">The count the word says ("three", "12", "twenty-four"), if any.</param>
    private sealed record Word(string Raw, string Lower, WordFlags Flags, int Month, DayOfWeek? Weekday, int? Number);

    /// <summary>
    /// A cached word with its key inline: a token of up to eight characters is told apart by its first and last four
    /// characters and its length alone, so most lookups read one slot and never the word's strings.
    /// </summary>
    private struct Slot
    {
        public ulong Head, Tail;
        public int Length;
        public WordFlags Flags;
        public Word? Word;
    }

    /// <summary>
    /// Words seen before, in a two-way set-associative cache per thread: the common words of news are a few thousand,
    /// so most tokens cost a hash and a comparison of two numbers, with no lock and no allocation. A clash evicts the
    /// oldest word of the set. Per thread, since a slot is written in several parts.
    /// </summary>
    [ThreadStatic] private static Slot[]? cache;

    private static Word WordOf(ReadOnlySpan<char> token, Slot[] table, out WordFlags flags)
    {
        ulong head = 0, tail;
        if (token.Length >= 4)
        {
            head = System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(System.Runtime.InteropServices.MemoryMarshal.AsBytes(token[..4]));
            tail = System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(System.Runtime.InteropServices.MemoryMarshal.AsBytes(token[^4..]));
        }
        else
        {
            for (var k = 0; k < token.Length; k++) head |= (ulong)token[k] << (16 * k);
            tail = head;
        }
        var hash = (head * 0x9E3779B97F4A7C15UL) ^ (tail * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)token.Length;
        var index = (int)((hash >> 40) & (ulong)(table.Length - Ways));
        for (var way = index; way < index + Ways; way++)
        {
            ref var slot = ref table[way];
            if (slot.Head == head && slot.Tail == tail && slot.Length == token.Length && slot.Word is { } known && (token.Length <= 8 || token.SequenceEqual(known.Raw)))
            {
                flags = slot.Flags;
                return known;
            }
        }
        // the oldest of the set makes way; a word evicted before is found again in the shared table, not rebuilt
        var word = Known.TryGetValue(token, out var seen) ? seen : NewWord(token);
        table.AsSpan(index + 1, Ways - 1).CopyTo(table.AsSpan(index, Ways - 1));
        table[index + Ways - 1] = new Slot { Head = head, Tail = tail, Length = token.Length, Flags = word.Flags, Word = word };
        flags = word.Flags;
        return word;
    }

    private const int Ways = 2;

    /// <summary>Every word met, shared by the threads, up to a bound: what a thread's cache falls back on.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Word> Words = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Word>.AlternateLookup<ReadOnlySpan<char>> Known = Words.GetAlternateLookup<ReadOnlySpan<char>>();
    private const int MaxSharedWords = 200_000;

    private static Word NewWord(ReadOnlySpan<char> token)
    {
        var raw = token.ToString();
        var lower = raw.ToLowerInvariant();
        var flags = WordFlags.None;
        if (MayStart(lower)) flags |= WordFlags.MayStart;
        if (Leaders.Contains(lower)) flags |= WordFlags.Leader;
        if (Followers.Contains(lower)) flags |= WordFlags.Follower;
        if (FutureWords.Contains(lower)) flags |= WordFlags.Future;
        if (lower is "will" or "'ll" or "shall" or "would") flags |= WordFlags.Modal;
        if (PastWords.Contains(lower)) flags |= WordFlags.Past;
        else if (lower.Length >= 5 && lower.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(raw[0])) flags |= WordFlags.WeakPast;
        if (lower is "“" or "”" or "\"" or "«" or "»") flags |= WordFlags.Quote;
        if (lower == "to") flags |= WordFlags.To;
        if (lower is "going" or "set" or "plan" or "plans" or "expected" or "due" or "is" or "are") flags |= WordFlags.BeforeTo;
        var word = new Word(raw, lower, flags, MonthOf(raw), CalendarWords.Weekday(raw), NumberOf(lower));
        if (Words.Count < MaxSharedWords) Words.TryAdd(raw, word);
        return word;
    }

    /// <summary>The closer of two cues, one after the expression counting <see cref="CueAfterPenalty"/> further, and only within <see cref="CueAfterReach"/>.</summary>
    private static (int Index, int Distance) Closer(int j, int before, int after)
    {
        var db = before < 0 ? int.MaxValue : j - before;
        var da = after < 0 || after - j > CueAfterReach ? int.MaxValue : after - j + CueAfterPenalty;
        return db <= da ? (before, db) : (after, da);
    }

    private static readonly HashSet<string> Starters = new(StringComparer.Ordinal)
    {
        "today", "yesterday", "tomorrow", "tonight", "now", "currently", "presently", "nowadays", "recently", "recent", "the", "this", "that", "last",
        "next", "past", "coming", "previous", "current", "earlier", "later", "early", "late", "mid", "end", "beginning", "middle", "every", "each",
        "per", "on", "these", "year-end", "year-earlier", "year-ago", "noon", "midday", "midnight", "final", "first", "second", "third", "fourth",
    };

    /// <summary>
    /// Common words that begin an expression only before another calendar word ("the year", "a week ago", "on Monday",
    /// "that day"): before anything else they are skipped without trying every rule.
    /// </summary>
    private static readonly HashSet<string> Leaders = new(StringComparer.Ordinal) { "the", "a", "an", "that", "this", "on", "these", "some", "one", "each", "every", "per", "many", "several", "few" };
    private static readonly HashSet<string> Followers = new(StringComparer.Ordinal)
    {
        "same", "corresponding", "comparable", "following", "latest", "recent", "whole", "entire", "just-ended", "year-earlier", "year-ago", "other", "fiscal", "full", "near", "short", "long",
        "future", "present", "morning", "afternoon", "evening", "night", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
    };

    /// <summary>Only digits, calendar words, numbers, units and a closed set of words can begin an expression: the rest are skipped at once.</summary>
    private static bool MayStart(string w) =>
        w.Length > 0 && (char.IsAsciiDigit(w[0]) || w.Contains('-') || Starters.Contains(w) || NumberWords.ContainsKey(w) || Vague.Contains(w)
                         || Units.ContainsKey(Singular(w)) || Seasons.ContainsKey(w) || CalendarWords.Month(w.AsSpan().TrimEnd('.')) > 0
                         || CalendarWords.Weekday(w) is not null || (w.Length > 6 && w[^1] == 's' && CalendarWords.Weekday(w.AsSpan()[..^1]) is not null));

    private static int IsoDay(DayOfWeek d) => d == DayOfWeek.Sunday ? 7 : (int)d;

    private static Match? Try(Context c, int i) =>
        NumericDate(c, i) ?? MonthDate(c, i) ?? Quarter(c, i) ?? Relative(c, i) ?? Ago(c, i) ?? Season(c, i) ?? ClockTime(c, i)
        ?? Weekday(c, i) ?? Set(c, i) ?? Duration(c, i) ?? Year(c, i);

    // ---- explicit dates -------------------------------------------------------------------------------------------

    private static Match? NumericDate(Context c, int i)
    {
        var t = c.T(i);
        if (t.Length < 6 || !char.IsAsciiDigit(t[0])) return null;
        var parts = t.Split('/', '-', '.');
        if (parts.Length != 3 || !parts.All(p => p.Length > 0 && Digits(p))) return null;
        int y, m, d;
        if (parts[0].Length == 4) (y, m, d) = (Int(parts[0]), Int(parts[1]), Int(parts[2]));
        else if (t.Contains('.')) (d, m, y) = (Int(parts[0]), Int(parts[1]), Int(parts[2]));
        else (m, d, y) = (Int(parts[0]), Int(parts[1]), Int(parts[2]));
        if (parts[2].Length == 2 && parts[0].Length != 4) y += y < 50 ? 2000 : 1900;
        if (m > 12 && d <= 12) (m, d) = (d, m);
        if (!PartialDate.IsValid(y, m, d)) return null;
        var date = $"{y:D4}-{m:D2}-{d:D2}";
        var next = c.T(i + 1);
        if (next.Length >= 4 && next.Contains(':') && char.IsAsciiDigit(next[0])) return new Match(2, TimexType.Time, date + "T" + next);
        return new Match(1, TimexType.Date, date);
    }

    private static Match? MonthDate(Context c, int i)
    {
        var start = 0;
        string? mod = null;
        var j = i;
        if (c.L(j) is "early" or "late" or "mid" or "the" && (c.Month(j + 1) > 0 || (c.L(j + 1) is "end" or "beginning" or "middle" && c.L(j + 2) == "of")))
        {
            mod = c.L(j) switch { "early" => "START", "late" => "END", "mid" => "MID", _ => null };
            j++;
        }
        if (c.L(j) is "end" or "beginning" or "middle" && c.L(j + 1) == "of") { mod = c.L(j) switch { "end" => "END", "beginning" => "START", _ => "MID" }; j += 2; }
        var month = c.Month(j);
        var token = c.T(j);
        if (month == 0 && c.L(j).StartsWith("mid-", StringComparison.Ordinal) && CalendarWords.Month(token.AsSpan(4).TrimEnd('.')) is var m2 and > 0)
        {
            month = m2;
            mod = "MID";
        }
        if (month == 0)
        {
            // 11 March [2025]
            if (DayNumber(c.T(j)) is { } day && c.Month(j + 1) is var mm and > 0)
            {
                var y = YearAt(c, j + 2) ?? (c.T(j + 2) == "," ? YearAt(c, j + 3) : null);
                var used = y is null ? 2 : c.T(j + 2) == "," ? 4 : 3;
                return new Match(j - i + used, TimexType.Date, DayValue(c, i, y, mm, day), mod, start);
            }
            return null;
        }
        // March 11[, 2025] / March 2025 / March
        // "April 25: the court…" is a date; "May 5:30" is a clock time
        if (DayNumber(c.T(j + 1)) is { } dd && !(c.T(j + 2) == ":" && c.T(j + 3) is { Length: 2 } minutes && char.IsAsciiDigit(minutes[0]) && char.IsAsciiDigit(minutes[1])))
        {
            var y = c.T(j + 2) == "," ? YearAt(c, j + 3) : YearAt(c, j + 2);
            var used = y is null ? 2 : c.T(j + 2) == "," ? 4 : 3;
            return new Match(j - i + used, TimexType.Date, DayValue(c, i, y, month, dd), mod, start);
        }
        if (c.L(j + 1) is "this" or "last" or "next" && c.L(j + 2) == "year" && c.Anchor is { } ay)
            return new Match(j - i + 3, TimexType.Date, $"{ay.Year + (c.L(j + 1) == "last" ? -1 : c.L(j + 1) == "next" ? 1 : 0):D4}-{month:D2}", mod);
        var year = c.T(j + 1) == "," ? YearAt(c, j + 2) : YearAt(c, j + 1);
        if (year is { } yy) return new Match(j - i + (c.T(j + 1) == "," ? 3 : 2), TimexType.Date, $"{yy:D4}-{month:D2}", mod);
        if (SpokenYear(c, j + 1) is { } spoken) return new Match(j - i + 1 + spoken.Used, TimexType.Date, $"{spoken.Year:D4}-{month:D2}", mod);
        if (c.L(j + 1) == "of" && YearAt(c, j + 2) is { } yo) return new Match(j - i + 3, TimexType.Date, $"{yo:D4}-{month:D2}", mod);
        // a month alone, with a word that says it is one; "May Day" and "March Madness" are names
        if (j == i && !IsMonthContext(c, i)) return null;
        if (CalendarWords.IsAmbiguousMonthWord(token.AsSpan().TrimEnd('.')) && c.T(j + 1) is { Length: > 0 } follower && char.IsUpper(follower[0])) return null;
        if (c.L(j - 1) is "last" or "next" or "this" && j == i) return null; // handled by Relative
        return new Match(j - i + 1, TimexType.Date, MonthValue(c, i, month), mod);
    }

    private static bool IsMonthContext(Context c, int i)
    {
        var prev = c.L(i - 1);
        return prev is "in" or "since" or "until" or "till" or "by" or "of" or "from" or "before" or "after" or "during" or "through" or "to" or "and" or "early" or "late" or "mid" or "last" or "next" or "this" or "each" or "every"
               || c.T(i + 1) is "," or "." or ";" or ")";
    }

    // ---- relative dates -------------------------------------------------------------------------------------------

    private static Match? Relative(Context c, int i)
    {
        var w = c.L(i);
        var a = c.Anchor;
        switch (w)
        {
            case "today": return Day(1, a, 0);
            case "yesterday": return PartOfDay(c, i + 1, a?.AddDays(-1)) is { } y ? y with { Length = 2 } : Day(1, a, -1);
            case "tomorrow": return PartOfDay(c, i + 1, a?.AddDays(1)) is { } t ? t with { Length = 2 } : Day(1, a, 1);
            case "tonight": return new Match(1, TimexType.Time, DayString(a) + "TNI");
            case "now" or "currently" or "presently" or "nowadays": return new Match(1, TimexType.Date, "PRESENT_REF");

            // "recently" refers to the past; so does "in recent days", which is not a span of days
            case "recently": return new Match(1, TimexType.Date, "PAST_REF");
            case "recent" when c.L(i + 1) == "days": return new Match(2, TimexType.Date, "PAST_REF");
        }
        // "mid-afternoon yesterday", "Friday morning" is read by Weekday
        if (PartOfDay(c, i, null) is { } part && c.L(i + part.Length) is "yesterday" or "today" or "tomorrow" && a is { } pa)
        {
            var day = pa.AddDays(c.L(i + part.Length) switch { "yesterday" => -1, "tomorrow" => 1, _ => 0 });
            return new Match(part.Length + 1, TimexType.Time, DayString(day) + part.Value[part.Value.IndexOf('T')..]);
        }
        // "in mid afternoon" names a time of the report's day; a bare "morning" is too often generic to
        if (w is "mid" or "mid-afternoon" or "mid-morning" && PartOfDay(c, i, a) is { } midday) return midday;
        if (w == "the" && c.L(i + 1) is "past" or "future" or "present" && !IsUnit(Singular(c.L(i + 2))) && !IsNumberWord(c.L(i + 2)))
            return new Match(2, TimexType.Date, c.L(i + 1) switch { "past" => "PAST_REF", "future" => "FUTURE_REF", _ => "PRESENT_REF" });
        if (w == "this" && c.L(i + 1) is "morning" or "afternoon" or "evening") return PartOfDay(c, i + 1, a) is { } p ? p with { Length = 2 } : null;
        if (w == "the" && a is { } da)
        {
            // fixed phrases of news and results reports, each annotated nearly every time it occurs in TimeBank
            var next = c.L(i + 1);
            var after = c.L(i + 2);
            if (next is "near" or "short" && after is "future" or "term") return new Match(3, TimexType.Date, "FUTURE_REF");
            if (next == "weekend") return new Match(2, TimexType.Date, IsoWeek(WeekdayDate(da, DayOfWeek.Saturday, c.Future[i] ? 1 : -1)!.Value) + "-WE");
            if (next == "week") return new Match(2, TimexType.Date, IsoWeek(da));
            if (next == "day") return new Match(2, TimexType.Date, DayString(da));
            if (next == "morning") return new Match(2, TimexType.Time, DayString(da) + "TMO");
            // a year that ends on a date is a span of a year ("in the fiscal year ended Jan. 31"); "for the year" is this one
            var yearAt = next == "year" ? i + 1 : next is "full" or "fiscal" && after == "year" ? i + 2 : -1;
            if (yearAt > 0 && c.L(yearAt + 1) is "ended" or "ending") return new Match(yearAt - i + 1, TimexType.Duration, "P1Y");
            if (yearAt == i + 2) return new Match(3, TimexType.Date, $"{da.Year:D4}");
            if (yearAt == i + 1 && c.L(i - 1) is "for" or "of" && c.T(i + 2) is "," or "." or "") return new Match(2, TimexType.Date, $"{da.Year:D4}");
            if (next is "latest" or "recent" or "current" && after == "period" && c.Reported is { } r) return new Match(3, TimexType.Date, QuarterValue(r.Year, r.Quarter));
        }
        if (w == "last" && c.L(i + 1) == "night") return new Match(2, TimexType.Time, DayString(a?.AddDays(-1)) + "TNI");
        if (w == "these" && c.L(i + 1) == "days") return new Match(2, TimexType.Date, "PRESENT_REF");
        if (w is "year-end" && a is { } ye) return new Match(1, TimexType.Date, $"{ye.Year:D4}-12-31");

        // earlier this month, later this year, [the] last week, this year, next month
        var j = i;
        string? mod = null;
        if (w is "earlier" or "later" && c.L(i + 1) is "this" or "last" or "next") { mod = w == "earlier" ? "START" : "END"; j++; }
        var which = c.L(j);
        var offset = which switch { "last" or "past" or "previous" => -1, "this" or "current" => 0, "next" or "coming" => 1, _ => (int?)null };
        if (offset is not { } o) return null;
        if (which == "this" && c.L(j + 1) == "past") { o = -1; j++; }
        var unit = c.L(j + 1);
        // "this quarter" may be the one being reported: Quarter decides
        if (o == 0 && unit == "quarter") return null;
        if (c.Weekday(j + 1) is { } wd) return new Match(j - i + 2, TimexType.Date, WeekdayValue(a, wd, o == 0 ? (c.Future[i] ? 1 : -1) : o));
        var month = c.Month(j + 1);
        if (month > 0 && a is { } an)
        {
            // "last June" is the latest June before this month; "next June" the first after it
            var y = o < 0 ? (month < an.Month ? an.Year : an.Year - 1) : o > 0 ? (month > an.Month ? an.Year : an.Year + 1) : an.Year;
            return new Match(j - i + 2, TimexType.Date, $"{y:D4}-{month:D2}", mod);
        }
        if (Seasons.TryGetValue(unit, out var season) && a is { } sa) return new Match(j - i + 2, TimexType.Date, $"{sa.Year + (o < 0 && SeasonAfter(season, sa) ? -1 : o > 0 && !SeasonAfter(season, sa) ? 1 : 0):D4}-{season}", mod);
        // "the past year" is a duration; "last year" a date
        if (i > 0 && c.L(i - 1) == "the" && which is "past" or "last" or "next" or "coming" or "previous") return null;
        if (which == "past" || which == "coming") return null;
        if (!Units.TryGetValue(unit, out var u) || u.Time || a is null) return null;
        return new Match(j - i + 2, TimexType.Date, Shift(a.Value, u.Code, o), mod);
    }

    private static Match? PartOfDay(Context c, int i, DateOnly? day)
    {
        var mid = c.L(i) == "mid" ? 1 : 0;
        var code = c.L(i + mid) switch { "morning" or "mid-morning" => "MO", "afternoon" or "mid-afternoon" => "AF", "evening" => "EV", "night" => "NI", _ => null };
        return code is null ? null : new Match(1 + mid, TimexType.Time, DayString(day) + "T" + code);
    }

    private static Match? Ago(Context c, int i)
    {
        var (n, used) = Count(c, i);
        if (used == 0) return null;
        var unit = Singular(c.L(i + used));
        if (!Units.TryGetValue(unit, out var u) || u.Time) return null;
        // "before" and "after" make a date only when nothing follows ("30 days before the vote" is a span)
        var then = c.T(i + used + 2);
        var closes = then.Length == 0 || !char.IsLetterOrDigit(then[0]);
        var dir = c.L(i + used + 1) switch { "ago" or "earlier" => -1, "before" when closes => -1, "hence" => 1, "after" when closes => 1, _ => 0 };
        if (c.L(i + used + 1) == "from" && c.L(i + used + 2) == "now") dir = 2;
        if (dir == 0 || c.Anchor is not { } a) return null;
        if (n < 0) return new Match(used + 2, TimexType.Date, dir < 0 ? "PAST_REF" : "FUTURE_REF");
        var length = used + (dir == 2 ? 3 : 2);
        // in results news "a year ago" is the same quarter a year before
        if (u.Code == "Y" && n == 1 && dir < 0 && SentenceMentions(c, i, "quarter", "quarterly", "period", "profit", "earnings", "net", "sales", "revenue"))
            return new Match(length, TimexType.Date, c.Reported is { } r ? QuarterValue(r.Year - 1, r.Quarter) : QuarterOf(a.AddDays(-45).AddYears(-1)));
        return new Match(length, TimexType.Date, Shift(a, u.Code, dir < 0 ? -n : n));
    }

    private static Match? Quarter(Context c, int i)
    {
        if (c.Reported is not { } reported || c.Anchor is not { } a) return null;
        var w = c.L(i);
        // the quarter, that quarter, this quarter's loss, the latest quarter: the quarter being reported; the current quarter is today's
        if (w is "the" or "this" or "that" && (c.L(i + 1) == "quarter" || (c.L(i + 1) is "latest" or "current" or "recent" or "just-ended" && c.L(i + 2) == "quarter")))
        {
            var now = c.L(i + 1) == "current" || (w == "this" && c.Future[i]);
            var length = c.L(i + 1) == "quarter" ? 2 : 3;
            // "the quarter a year ago"
            if (c.L(i + length) == "a" && c.L(i + length + 1) == "year" && c.L(i + length + 2) is "ago" or "earlier")
                return new Match(length + 3, TimexType.Date, QuarterValue(reported.Year - 1, reported.Quarter));
            return new Match(length, TimexType.Date, now ? QuarterOf(a) : QuarterValue(reported.Year, reported.Quarter));
        }
        var j = w == "the" ? i + 1 : i;
        // the corresponding period last year, the same quarter a year earlier
        if (w == "the" && c.L(j) is "corresponding" or "comparable" or "same" && c.L(j + 1) is "period" or "quarter")
        {
            var ago = c.L(j + 2) == "last" && c.L(j + 3) == "year" ? 2 : c.L(j + 2) == "a" && c.L(j + 3) == "year" && c.L(j + 4) is "ago" or "earlier" ? 3 : 0;
            if (ago > 0) return new Match(j - i + 2 + ago, TimexType.Date, QuarterValue(reported.Year - 1, reported.Quarter));
        }
        // the year-earlier quarter, the year-ago third quarter, the comparable year-ago period: a year before the quarter reported
        if (c.L(j) is "comparable" or "corresponding" && c.L(j + 1) is "year-earlier" or "year-ago") j++;
        if (c.L(j) is "year-earlier" or "year-ago")
        {
            // "the year-earlier nine months" is a span, read by Duration
            if (Count(c, j + 1).Used > 0) return null;
            var ordinal = Ordinals.TryGetValue(c.L(j + 1), out var oq) && c.L(j + 2) == "quarter";
            var length = j - i + 1 + (ordinal ? 2 : c.L(j + 1) is "quarter" or "period" ? 1 : 0);
            return new Match(length, TimexType.Date, QuarterValue(reported.Year - 1, ordinal ? oq : reported.Quarter));
        }
        // next year's first quarter, last year's quarter
        int? yearOffset = c.L(j) switch { "next" => 1, "last" => -1, "this" => 0, _ => null };
        if (yearOffset is { } yo && c.L(j + 1) is "year's" or "year" && (c.L(j + 1) == "year's" || c.T(j + 2) is "'s" or "’s"))
        {
            var k = j + (c.L(j + 1) == "year's" ? 2 : 3);
            if (c.L(k) == "quarter") return new Match(k - i + 1, TimexType.Date, QuarterValue(a.Year + yo, reported.Quarter));
            if (Ordinals.TryGetValue(c.L(k), out var nq) && c.L(k + 1) == "quarter") return new Match(k - i + 2, TimexType.Date, Name(c, a.Year + yo, nq));
            if (c.L(k).EndsWith("-quarter", StringComparison.Ordinal) && Ordinals.TryGetValue(c.L(k)[..^8], out var dq)) return new Match(k - i + 1, TimexType.Date, Name(c, a.Year + yo, dq));
            return null;
        }
        if (c.L(j) == "fiscal" || c.L(j) == "flat") j++;
        var word = c.L(j);
        if (word.StartsWith("fiscal-", StringComparison.Ordinal)) word = word[7..];
        // the 1988 second quarter, the 1988 quarter, the 1989 period
        if (YearAt(c, j) is { } qy)
        {
            if (Ordinals.TryGetValue(c.L(j + 1), out var q2) && c.L(j + 2) == "quarter") return new Match(j - i + 3, TimexType.Date, QuarterValue(qy, q2));
            if (w == "the" && c.L(j + 1) is "quarter" or "period") return new Match(j - i + 2, TimexType.Date, QuarterValue(qy, reported.Quarter));
        }
        // the first half, the last half of 1989, the first two quarters of 1990
        var half = word switch { "first" => 1, "second" or "last" => 2, _ => 0 };
        var halfLength = c.L(j + 1) == "half" ? 2 : c.L(j + 1) == "two" && c.L(j + 2) == "quarters" && half == 1 ? 3 : 0;
        if (half > 0 && halfLength > 0)
        {
            var of = c.L(j + halfLength) == "of" ? YearAt(c, j + halfLength + 1) : null;
            if (of is null && word == "last") return null;
            return new Match(j - i + halfLength + (of is null ? 0 : 2), TimexType.Date, $"{of ?? a.Year:D4}-H{half}");
        }
        int? quarter = null;
        var used = 0;
        if (word.EndsWith("-quarter", StringComparison.Ordinal) && Ordinals.TryGetValue(word[..^8], out var hq)) { quarter = hq; used = 1; }
        else if (Ordinals.TryGetValue(word, out var o2) && c.L(j + 1) == "quarter") { quarter = o2; used = 2; }
        if (quarter is not { } nth) return null;
        var year = YearAt(c, j + used) ?? (c.L(j + used) == "of" ? YearAt(c, j + used + 1) : null);
        var extra = year is null ? 0 : c.L(j + used) == "of" ? 2 : 1;
        var y = year ?? (nth > QuarterNumber(a) && !c.Future[i] ? a.Year - 1 : a.Year);
        return new Match(j - i + used + extra, TimexType.Date, Name(c, y, nth));
    }

    /// <summary>
    /// An explicit quarter. The latest one named that has ended by the report's date is the one the report speaks of:
    /// results news names the quarter it reports, and compares it with earlier ones or looks ahead to the current one.
    /// </summary>
    private static string Name(Context c, int year, int quarter)
    {
        var ended = c.Anchor is not { } a || year < a.Year || (year == a.Year && quarter < QuarterNumber(a));
        if (ended && (c.Named is not { } n || (year, quarter).CompareTo(n) > 0)) c.Named = (year, quarter);
        return QuarterValue(year, quarter);
    }

    private static Match? Season(Context c, int i)
    {
        if (!Seasons.TryGetValue(c.L(i), out var s) || c.Anchor is not { } a) return null;
        if (c.L(i - 1) is not ("in" or "the" or "this" or "last" or "next" or "early" or "late" or "during" or "by" or "until")) return null;
        if (YearAt(c, i + 1) is { } y) return new Match(2, TimexType.Date, $"{y:D4}-{s}");
        if (c.L(i + 1) == "of" && YearAt(c, i + 2) is { } y2) return new Match(3, TimexType.Date, $"{y2:D4}-{s}");
        if (c.L(i + 1) == "of" && SpokenYear(c, i + 2) is { } spoken) return new Match(2 + spoken.Used, TimexType.Date, $"{spoken.Year:D4}-{s}");
        var year = c.Future[i] ? (SeasonAfter(s, a) ? a.Year : a.Year + 1) : (SeasonAfter(s, a) ? a.Year - 1 : a.Year);
        return new Match(1, TimexType.Date, $"{year:D4}-{s}");
    }

    // ---- times, weekdays, sets, durations, years -------------------------------------------------------------------

    private static Match? ClockTime(Context c, int i)
    {
        var t = c.L(i);
        int hour, minute = -1, used;
        if (t is "noon" or "midday") { hour = 12; minute = 0; used = 1; }
        else if (t == "midnight") { hour = 0; minute = 0; used = 1; }
        else if (t.Length is >= 4 and <= 5 && t.Contains(':') && t.Split(':') is [var hh, var mm] && Digits(hh) && mm.Length == 2 && Digits(mm))
        {
            (hour, minute, used) = (Int(hh), Int(mm), 1);
            if (hour > 23 || minute > 59) return null;
            if (c.L(i + 1) is not ("a.m." or "p.m." or "am" or "pm" or "a.m" or "p.m") && !Zones.Contains(c.L(i + 1)) && c.L(i - 1) is not ("at" or "by" or "until" or "before" or "after" or "from")) return null;
        }
        else if (t.Length <= 2 && Digits(t) && c.L(i + 1) is "a.m." or "p.m." or "am" or "pm" or "a.m" or "p.m" or "o'clock") { hour = Int(t); used = 1; }
        else return null;
        var ampm = c.L(i + used);
        if (ampm is "a.m." or "am" or "a.m") { if (hour == 12) hour = 0; used++; }
        else if (ampm is "p.m." or "pm" or "p.m") { if (hour < 12) hour += 12; used++; }
        else if (ampm == "o'clock") used++;
        if (Zones.Contains(c.L(i + used))) used++;
        var day = c.Anchor;
        var after = i + used;
        if (c.T(after) == ",") after++;
        var length = used;
        if (c.Weekday(after) is { } wd) { day = WeekdayDate(c.Anchor, wd, c.Future[i] ? 1 : -1); length = after - i + 1; }
        else if (MonthDate(c, after) is { } md && md.Value.Length == 10) { day = DateOnly.ParseExact(md.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture); length = after - i + md.Length; }
        else if (c.L(after) is "today" or "yesterday" or "tomorrow") { day = c.L(after) switch { "yesterday" => c.Anchor?.AddDays(-1), "tomorrow" => c.Anchor?.AddDays(1), _ => c.Anchor }; length = after - i + 1; }
        var clock = $"T{hour:D2}:{Math.Max(0, minute):D2}";
        return new Match(length, TimexType.Time, DayString(day) + clock);
    }

    private static Match? Weekday(Context c, int i)
    {
        var j = c.L(i) is "on" or "last" or "next" or "this" ? i + 1 : i;
        if (c.Weekday(j) is not { } wd) return null;
        // "Friday, August 9": the date says which Friday
        var dateAfter = c.T(j + 1) == "," ? MonthDate(c, j + 2) : null;
        if (dateAfter is { } da && da.Value.Length == 10) return new Match(j - i + 2 + da.Length, TimexType.Date, da.Value, Start: c.L(i) == "on" ? 1 : 0);
        var direction = c.L(i) switch { "last" => -1, "next" => 1, _ => c.Future[j] ? 1 : -1 };
        var day = WeekdayDate(c.Anchor, wd, direction, includeToday: c.L(i) is not ("last" or "next"));
        var start = c.L(i) == "on" ? 1 : 0;
        // without an anchor the weekday is all that is known, in TimeML's form: XXXX-WXX-2 for a Tuesday
        var value = day is null ? $"XXXX-WXX-{IsoDay(wd)}" : DayString(day);
        if (PartOfDay(c, j + 1, day) is { } part) return new Match(j - i + 2, TimexType.Time, value + part.Value[part.Value.IndexOf('T')..], Start: start, Ahead: direction > 0);
        return new Match(j - i + 1, TimexType.Date, value, Start: start, Ahead: direction > 0);
    }

    private static Match? Set(Context c, int i)
    {
        var w = c.L(i);
        // "every Thursday", "on Mondays": a weekday that recurs
        if (w is "every" or "each" && c.Weekday(i + 1) is { } each) return new Match(2, TimexType.Set, $"XXXX-WXX-{IsoDay(each)}");
        if (w is "every" or "each" && c.Month(i + 1) is var month and > 0) return new Match(2, TimexType.Set, $"XXXX-{month:D2}");
        if (w.Length > 6 && w[^1] == 's' && CalendarWords.Weekday(c.T(i).AsSpan()[..^1]) is { } plural) return new Match(1, TimexType.Set, $"XXXX-WXX-{IsoDay(plural)}");
        if (w is "every" or "each" or "per" && Units.TryGetValue(Singular(c.L(i + 1)), out var u))
            return new Match(2, TimexType.Set, (u.Time ? "PT1" : "P1") + u.Code);
        return null;
    }

    private static Match? Duration(Context c, int i)
    {
        // 10-year, two-week, six-month
        var w = c.L(i);
        var dash = w.LastIndexOf('-');
        if (dash > 0 && Units.TryGetValue(w[(dash + 1)..], out var hu) && NumberOf(w[..dash]) is { } hn)
            return new Match(1, TimexType.Duration, Value(hn, hu));
        var j = i;
        if (w == "the" && c.L(i + 1) is "past" or "last" or "next" or "first" or "coming" or "previous" or "final") j = i + 2;
        else if (w is "past" or "next" or "first" or "coming" or "previous" or "final" || (w == "last" && c.L(i - 1) != "the")) j = i + 1;
        else if (w == "the") j = i + 1;
        var (n, used) = Count(c, j);
        var unitWord = c.L(j + used);
        var unit = Singular(unitWord);
        if (!Units.TryGetValue(unit, out var u)) return null;
        // "the 1988 second quarter": an ordinal, not 1988 seconds
        if (unit == "second" && c.L(j + used + 1) is "quarter" or "half") return null;
        if (used == 0)
        {
            // "the past year", "weeks", "in recent years": a vague or single-unit span of time
            if (j > i && w == "the" && j == i + 2)
                return unitWord == unit ? new Match(j - i + 1, TimexType.Duration, Value(1, u))
                    : c.L(i + 1) is "coming" or "next" ? new Match(j - i + 1, TimexType.Date, "FUTURE_REF") : new Match(j - i + 1, TimexType.Duration, "P" + (u.Time ? "TX" : "X") + u.Code);
            if (unitWord == unit || !(c.L(j - 1) is "for" or "in" or "over" or "within" or "recent" or "coming" or "past" or "next" or "of" or "few" or "several")) return null;
            if (c.L(j - 1) == "coming" && c.L(j - 2) != "the") return new Match(j - i + 1, TimexType.Date, "FUTURE_REF");
            // "in recent years" points into the past without saying how far: TimeBank marks it so three times in four
            if (c.L(j - 1) is "recent" or "past" && unit == "year" && c.L(j - 2) != "the") return new Match(j - i + 1, TimexType.Date, "PAST_REF");
            return new Match(j - i + 1, TimexType.Duration, "P" + (u.Time ? "TX" : "X") + u.Code);
        }
        // "three days later" counts from an event in the story, not from the article: it stays a span
        if (c.L(j + used + 1) is "ago" or "earlier" or "hence") return null;
        // "$5 a year" and "once a week" are rates, not spans: "a" counts only after a word that introduces a span
        if (c.L(j) is "a" or "an" && j == i && !(c.L(i - 1) is "for" or "in" or "within" or "over" or "about" or "nearly" or "almost" or "than" or "after" or "least" or "only" or "just" or "past" or "until" or "by"))
            return null;
        return new Match(j - i + used + 1, TimexType.Duration, n < 0 ? "P" + (u.Time ? "TX" : "X") + u.Code : Value(n, u));
    }

    private static readonly Dictionary<string, int> DecadeWords = new(StringComparer.Ordinal)
    {
        ["twenties"] = 192, ["thirties"] = 193, ["forties"] = 194, ["fifties"] = 195, ["sixties"] = 196, ["seventies"] = 197, ["eighties"] = 198, ["nineties"] = 199,
    };

    private static Match? Year(Context c, int i)
    {
        // "the nineties", "the 20th century", "the year two thousand"
        if (c.L(i) == "the")
        {
            if (DecadeWords.TryGetValue(c.L(i + 1), out var d)) return new Match(2, TimexType.Date, d.ToString(CultureInfo.InvariantCulture));
            if (c.L(i + 1) == "year" && SpokenYear(c, i + 2) is { } spoken) return new Match(2 + spoken.Used, TimexType.Date, $"{spoken.Year:D4}");
        }
        if (Ordinal(c.L(i)) is { } nth and >= 1 and <= 21 && c.L(i + 1) == "century") return new Match(2, TimexType.Date, $"{nth - 1:D2}");
        if (SpokenYear(c, i) is { } said && said.Used > 1) return new Match(said.Used, TimexType.Date, $"{said.Year:D4}");
        var t = c.T(i);
        if (c.L(i).StartsWith("mid-", StringComparison.Ordinal) && YearNumber(t[4..]) is { } mid) return new Match(1, TimexType.Date, $"{mid:D4}", "MID");
        if (t.Length == 5 && t.EndsWith('s') && YearNumber(t[..4]) is { } decade && decade % 10 == 0)
            return new Match(1, TimexType.Date, (decade / 10).ToString(CultureInfo.InvariantCulture));
        if (YearNumber(t) is not { } y) return null;
        // a count of things ("2000 troops", "$1990") is not a year
        var next = c.L(i + 1);
        if (c.T(i - 1) is "$" or "€" or "£" || next is "%" or "percent" || (next.Length > 2 && char.IsLower(next[0]) && next.EndsWith('s') && !YearCues.Contains(c.L(i - 1)))) return null;
        return new Match(1, TimexType.Date, $"{y:D4}");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /// <summary>A year said in words, as broadcast transcripts write it: "nineteen ninety-six", "nineteen ninety", "two thousand".</summary>
    private static (int Year, int Used)? SpokenYear(Context c, int i)
    {
        if (c.L(i) == "two" && c.L(i + 1) == "thousand") return Units.ContainsKey(Singular(c.L(i + 2))) ? null : (2000, 2);
        if (c.L(i) is not ("eighteen" or "nineteen" or "twenty") || !NumberWords.TryGetValue(c.L(i), out var century)) return null;
        var rest = c.L(i + 1);
        var dash = rest.IndexOf('-');
        int? tail = dash > 0 && NumberWords.TryGetValue(rest[..dash], out var tens) && NumberWords.TryGetValue(rest[(dash + 1)..], out var ones) && tens >= 20 && ones is > 0 and < 10 ? tens + ones
            : NumberWords.TryGetValue(rest, out var whole) && whole is >= 10 and < 100 ? whole : null;
        return tail is { } t ? (century * 100 + t, 2) : null;
    }

    private static int? Ordinal(string w)
    {
        if (w.Length < 3 || !char.IsAsciiDigit(w[0])) return null;
        var digits = w.AsSpan().TrimEnd("stndrh");
        return w.Length - digits.Length == 2 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static bool SentenceMentions(Context c, int i, params string[] words)
    {
        for (var k = Math.Max(0, i - 25); k < Math.Min(c.Count, i + 25); k++)
            if (words.Contains(c.L(k))) return true;
        return false;
    }

    private static (int N, int Used) Count(Context c, int i)
    {
        var w = c.L(i);
        if (w == "couple" && c.L(i + 1) == "of") return (2, 2);
        if (Vague.Contains(w)) return (-1, 1);
        if (w == "a" && c.L(i + 1) == "few") return (-1, 2);
        if (w == "a" && c.L(i + 1) == "couple" && c.L(i + 2) == "of") return (2, 3);
        // "twenty four hours", as transcripts write it
        if (NumberWords.TryGetValue(w, out var tens) && tens is >= 20 and < 100 && tens % 10 == 0 && NumberWords.TryGetValue(c.L(i + 1), out var ones) && ones is > 0 and < 10)
            return (tens + ones, 2);
        if (c.Number(i) is { } n) return (n, 1);
        return (0, 0);
    }

    private static int? NumberOf(string w)
    {
        // up to three digits: a four-digit number before a unit is a year ("the 1988 quarter"), not a count
        if (w.Length is > 0 and <= 3 && Digits(w)) return Int(w);
        if (NumberWords.TryGetValue(w, out var n) && n > 0) return n;
        var dash = w.IndexOf('-');
        if (dash > 0 && NumberWords.TryGetValue(w[..dash], out var tens) && NumberWords.TryGetValue(w[(dash + 1)..], out var ones) && tens >= 20 && ones < 10) return tens + ones;
        return null;
    }

    private static bool IsNumberWord(string w) => NumberOf(w) is not null || Vague.Contains(w);

    /// <summary>P3Y, PT4H; decades are written in years and quarters in months, as TimeBank does.</summary>
    private static string Value(int n, (string Code, bool Time) u) => u.Code switch
    {
        "DE" => $"P{n * 10}Y",
        "CE" => $"P{n * 100}Y",
        "Q" => $"P{n * 3}M",
        _ => (u.Time ? "PT" : "P") + n.ToString(CultureInfo.InvariantCulture) + u.Code,
    };

    /// <summary>The singular of a unit word ("weeks" → "week"); any other word unchanged, without allocating.</summary>
    private static string Singular(string w)
    {
        if (w == "centuries") return "century";
        if (w.Length > 3 && w[^1] == 's' && UnitLookup.TryGetValue(w.AsSpan(0, w.Length - 1), out _, out var _)) return w[..^1];
        return w;
    }

    private static readonly Dictionary<string, (string Code, bool Time)>.AlternateLookup<ReadOnlySpan<char>> UnitLookup = Units.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsUnit(string w) => Units.ContainsKey(w);

    private static int MonthOf(string t)
    {
        if (t.Length == 0 || !char.IsLetter(t[0])) return 0;
        var m = CalendarWords.Month(t.AsSpan().TrimEnd('.'));
        if (m == 0) return 0;
        if (char.IsLower(t[0]) && CalendarWords.IsAmbiguousMonthWord(t.AsSpan().TrimEnd('.'))) return 0;
        if (t.Length <= 4 && !t.EndsWith('.') && t.Length < 3) return 0;
        return m;
    }

    private static int? DayNumber(string t)
    {
        var digits = t.Length > 2 && (t.EndsWith("st", StringComparison.Ordinal) || t.EndsWith("nd", StringComparison.Ordinal) || t.EndsWith("rd", StringComparison.Ordinal) || t.EndsWith("th", StringComparison.Ordinal)) ? t[..^2] : t;
        return digits.Length is >= 1 and <= 2 && Digits(digits) && Int(digits) is var d and >= 1 and <= 31 ? d : null;
    }

    private static int? YearAt(Context c, int i) => YearNumber(c.T(i));

    private static int? YearNumber(string t) => t.Length == 4 && Digits(t) && Int(t) is var y and >= 1800 and <= 2100 ? y : null;

    /// <summary>
    /// A day or month without a year: the candidate nearest the article's date (as HeidelTime reads news), leaning to the
    /// future when the sentence looks ahead and to the past otherwise when the two are about as near.
    /// </summary>
    private static string DayValue(Context c, int i, int? year, int month, int day)
    {
        if (year is { } y) return PartialDate.IsValid(y, month, day) ? $"{y:D4}-{month:D2}-{day:D2}" : $"{y:D4}-{month:D2}";
        if (c.Anchor is not { } a) return $"XXXX-{month:D2}-{day:D2}";
        var best = NearestYear(a, c.Future[i], y2 => PartialDate.IsValid(y2, month, day) ? new DateOnly(y2, month, day) : null);
        return $"{best:D4}-{month:D2}-{day:D2}";
    }

    private static string MonthValue(Context c, int i, int month)
    {
        if (c.Anchor is not { } a) return $"XXXX-{month:D2}";
        var best = NearestYear(a, c.Future[i], y => new DateOnly(y, month, 15));
        return $"{best:D4}-{month:D2}";
    }

    /// <summary>
    /// How far a date on the wrong side of the article, for the sentence's tense, is pushed away. Measured on TimeBank:
    /// a strict 400 loses 30 values, since news often gives a near-future date ("Nov. 21") with no tense cue at all.
    /// </summary>
    private const int WrongWay = 120;

    private static int NearestYear(DateOnly a, bool future, Func<int, DateOnly?> candidate)
    {
        var best = a.Year;
        var bestDistance = int.MaxValue;
        foreach (var y in new[] { a.Year - 1, a.Year, a.Year + 1 })
        {
            if (candidate(y) is not { } d) continue;
            var distance = Math.Abs(d.DayNumber - a.DayNumber);
            // a sentence about the future moves a date in the recent past a year on; one about the past, the reverse
            if (future && d < a.AddDays(-1)) distance += WrongWay;
            if (!future && d > a.AddDays(1)) distance += WrongWay;
            if (distance < bestDistance) { best = y; bestDistance = distance; }
        }
        return best;
    }

    private static Match Day(int length, DateOnly? anchor, int offset) => new(length, TimexType.Date, DayString(anchor?.AddDays(offset)));

    private static string DayString(DateOnly? d) => d is { } x ? x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "XXXX-XX-XX";

    private static string WeekdayValue(DateOnly? anchor, DayOfWeek wd, int direction) => DayString(WeekdayDate(anchor, wd, direction, includeToday: false));

    private static DateOnly? WeekdayDate(DateOnly? anchor, DayOfWeek wd, int direction, bool includeToday = true)
    {
        if (anchor is not { } a) return null;
        if (direction < 0)
        {
            var back = ((int)a.DayOfWeek - (int)wd + 7) % 7;
            if (back == 0 && !includeToday) back = 7;
            return a.AddDays(-back);
        }
        var ahead = ((int)wd - (int)a.DayOfWeek + 7) % 7;
        if (ahead == 0 && !includeToday) ahead = 7;
        return a.AddDays(ahead);
    }

    private static string Shift(DateOnly a, string unit, int n) => unit switch
    {
        "Y" => $"{a.Year + n:D4}",
        "M" => a.AddMonths(n).ToString("yyyy-MM", CultureInfo.InvariantCulture),
        "W" or "WE" => IsoWeek(a.AddDays(7 * n)),
        "D" => DayString(a.AddDays(n)),
        "Q" => QuarterOf(a.AddMonths(3 * n)),
        "DE" => ((a.Year + 10 * n) / 10).ToString(CultureInfo.InvariantCulture),
        "CE" => ((a.Year + 100 * n) / 100).ToString(CultureInfo.InvariantCulture),
        _ => DayString(a),
    };

    private static string IsoWeek(DateOnly d) => $"{ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)):D2}";

    private static string QuarterOf(DateOnly d) => QuarterValue(d.Year, QuarterNumber(d));

    private static int QuarterNumber(DateOnly d) => (d.Month + 2) / 3;

    private static string QuarterValue(int year, int quarter) => $"{year:D4}-Q{quarter}";

    /// <summary>True when the season comes after the anchor's date within its year (spring from January, say).</summary>
    private static bool SeasonAfter(string season, DateOnly a) => season switch
    {
        "SP" => a.Month < 3,
        "SU" => a.Month < 6,
        "FA" => a.Month < 9,
        _ => a.Month < 12,
    };

    private static bool Digits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
}
