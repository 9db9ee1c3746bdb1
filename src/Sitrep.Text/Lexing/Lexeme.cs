namespace Sitrep.Text.Lexing;

public enum LexemeKind : byte { Word, Number, Punct }

/// <summary>A run of letters, a run of digits, or one other visible character; the smallest unit the pattern matchers read.</summary>
public readonly record struct Lexeme(int Start, int End, LexemeKind Kind)
{
    public int Length => End - Start;
}

public static class Lexer
{
    /// <summary>Splits text into lexemes; whitespace separates and is dropped. Letters include apostrophes inside words.</summary>
    public static List<Lexeme> Scan(string text, int start = 0, int end = -1)
    {
        if (end < 0) end = text.Length;
        var result = new List<Lexeme>(Math.Max(4, (end - start) / 5));
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var s = i;
            if (char.IsLetter(c))
            {
                i++;
                while (i < end && (char.IsLetter(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark)) i++;
                result.Add(new Lexeme(s, i, LexemeKind.Word));
            }
            else if (char.IsAsciiDigit(c))
            {
                i++;
                while (i < end && char.IsAsciiDigit(text[i])) i++;
                result.Add(new Lexeme(s, i, LexemeKind.Number));
            }
            else
            {
                i++;
                if (char.IsHighSurrogate(c) && i < end) i++;
                result.Add(new Lexeme(s, i, LexemeKind.Punct));
            }
        }
        return result;
    }
}
