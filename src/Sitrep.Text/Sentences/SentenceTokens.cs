using Sitrep.Core.Documents;

namespace Sitrep.Text.Sentences;

/// <summary>
/// One sentence seen as tokens, with the document's entity mentions laid over them: what the claim and event taggers
/// read. <see cref="MentionAt"/> gives, for each token, the index of the mention covering it or -1.
/// </summary>
public sealed class SentenceTokens
{
    public required string Text { get; init; }
    public required int Index { get; init; }
    public required TextSpan Span { get; init; }
    public required List<TextSpan> Tokens { get; init; }
    public required int[] MentionAt { get; init; }
    public required IReadOnlyList<Mention> Mentions { get; init; }

    public int Count => Tokens.Count;

    public ReadOnlySpan<char> this[int i] => Tokens[i].In(Text);

    public bool Is(int i, string word) => i >= 0 && i < Tokens.Count && this[i].Equals(word, StringComparison.OrdinalIgnoreCase);

    public Mention? MentionOf(int token) => token >= 0 && token < MentionAt.Length && MentionAt[token] >= 0 ? Mentions[MentionAt[token]] : null;

    /// <summary>The first token of the mention covering <paramref name="token"/>.</summary>
    public int MentionStart(int token)
    {
        var m = MentionAt[token];
        while (token > 0 && MentionAt[token - 1] == m) token--;
        return token;
    }

    /// <summary>The last token of the mention covering <paramref name="token"/>.</summary>
    public int MentionEnd(int token)
    {
        var m = MentionAt[token];
        while (token + 1 < MentionAt.Length && MentionAt[token + 1] == m) token++;
        return token;
    }

    public TextSpan Covering(int first, int last) => new(Tokens[first].Start, Tokens[last].End);

    /// <param name="mentions">The document's mentions in text order.</param>
    /// <param name="cursor">Where to start looking in <paramref name="mentions"/>; moved past the sentence for the next one.</param>
    public static SentenceTokens Of(string text, int index, TextSpan span, List<TextSpan> tokens, IReadOnlyList<Mention> mentions, ref int cursor)
    {
        var at = new int[tokens.Count];
        Array.Fill(at, -1);
        while (cursor < mentions.Count && mentions[cursor].Span.End <= span.Start) cursor++;
        var t = 0;
        for (var m = cursor; m < mentions.Count && mentions[m].Span.Start < span.End; m++)
        {
            var ms = mentions[m].Span;
            while (t < tokens.Count && tokens[t].End <= ms.Start) t++;
            for (var k = t; k < tokens.Count && tokens[k].Start < ms.End; k++) at[k] = m;
        }
        return new SentenceTokens { Text = text, Index = index, Span = span, Tokens = tokens, MentionAt = at, Mentions = mentions };
    }
}
