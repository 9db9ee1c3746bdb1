namespace Sitrep.Text.Patterns;

/// <summary>Case-insensitive set of single words, looked up by span so that hot loops allocate nothing.</summary>
public sealed class WordSet
{
    private readonly HashSet<string> _words = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(params IEnumerable<string> words)
    {
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var w in words) _words.Add(w);
    }

    public void Add(string word) => _words.Add(word);

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
}
