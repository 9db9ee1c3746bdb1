namespace Sitrep.Core.Documents;

/// <summary>A half-open range [Start, End) of UTF-16 code units in a text; spans travel between stages instead of copied strings.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, End - Start);

    public string Of(string text) => text.Substring(Start, End - Start);

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;
}
