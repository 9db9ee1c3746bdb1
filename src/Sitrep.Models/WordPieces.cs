using System.Collections.Concurrent;
using FastBertTokenizer;

namespace Sitrep.Models;

/// <summary>
/// The encoder's WordPiece vocabulary (uncased, accents stripped) through FastBertTokenizer. Words are split one at a
/// time, so every wordpiece belongs to exactly one of the house's tokens and offsets come from the house's spans.
/// </summary>
public sealed class WordPieces
{
    public const int Classifier = 101, Separator = 102, Unknown = 100;

    /// <summary>The model's limit on a sequence, [CLS] and [SEP] included.</summary>
    public const int MaxSequence = 512;

    private readonly BertTokenizer _tokenizer = new();
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public WordPieces(TextReader vocabulary) => _tokenizer.LoadVocabulary(vocabulary, convertInputToLowercase: true);

    /// <summary>Loads the vocabulary from the encoder's package.</summary>
    public static WordPieces FromPackage()
    {
        using var reader = EncoderPackage.Vocabulary();
        return new WordPieces(reader);
    }

    /// <summary>The wordpiece ids of one word (no [CLS]/[SEP]); a word the vocabulary cannot spell is [UNK].</summary>
    public int[] Of(string word) => _cache.TryGetValue(word, out var ids) ? ids : _cache.GetOrAdd(word, Split(word));

    private int[] Split(string word)
    {
        // the tokenizer reuses its buffers between calls
        lock (_gate)
        {
            var (ids, _, _) = _tokenizer.Encode(word, 64);
            var span = ids.Span;
            // [CLS] pieces [SEP]
            var pieces = new int[Math.Max(0, span.Length - 2)];
            for (var i = 0; i < pieces.Length; i++) pieces[i] = (int)span[i + 1];
            return pieces.Length > 0 ? pieces : [Unknown];
        }
    }

    /// <summary>A whole text as one sequence, [CLS] … [SEP], cut at <paramref name="max"/> pieces (for sentence vectors).</summary>
    public long[] Sequence(string text, int max = MaxSequence)
    {
        lock (_gate)
        {
            var (ids, _, _) = _tokenizer.Encode(text, max);
            return ids.ToArray();
        }
    }
}
