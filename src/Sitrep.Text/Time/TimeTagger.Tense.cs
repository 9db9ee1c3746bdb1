using System.Globalization;
using Sitrep.Core.Documents;
using Sitrep.Core.Time;
using Sitrep.Text.Sentences;
using Sitrep.Text.Tokens;

namespace Sitrep.Text.Time;

// Which tokens sit in a future context: the tense cues of data/time/*/tense.tsv, nearest first.
public static partial class TimeTagger
{
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
        for (var x = j - 1; x >= Math.Max(first, j - 3); x--) if (PlanInThePastWords.Contains(words[x].Lower)) return true;
        return false;
    }

    /// <summary>The closer of two cues, one after the expression counting <see cref="CueAfterPenalty"/> further, and only within <see cref="CueAfterReach"/>.</summary>
    private static (int Index, int Distance) Closer(int j, int before, int after)
    {
        var db = before < 0 ? int.MaxValue : j - before;
        var da = after < 0 || after - j > CueAfterReach ? int.MaxValue : after - j + CueAfterPenalty;
        return db <= da ? (before, db) : (after, da);
    }

}
