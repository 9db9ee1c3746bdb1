using System.Globalization;
using Sitrep.Core.Documents;
using Sitrep.Core.Time;
using Sitrep.Text.Sentences;
using Sitrep.Text.Tokens;

namespace Sitrep.Text.Time;

// What the tagger knows of each distinct word, worked out once and cached per thread.
public static partial class TimeTagger
{
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
        if (ModalWords.Contains(lower)) flags |= WordFlags.Modal;
        if (PastWords.Contains(lower)) flags |= WordFlags.Past;
        else if (lower.Length >= 5 && lower.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(raw[0])) flags |= WordFlags.WeakPast;
        if (lower is "“" or "”" or "\"" or "«" or "»") flags |= WordFlags.Quote;
        if (lower == "to") flags |= WordFlags.To;
        if (BeforeToWords.Contains(lower)) flags |= WordFlags.BeforeTo;
        var word = new Word(raw, lower, flags, MonthOf(raw), CalendarWords.Weekday(raw), NumberOf(lower));
        if (Words.Count < MaxSharedWords) Words.TryAdd(raw, word);
        return word;
    }

}
