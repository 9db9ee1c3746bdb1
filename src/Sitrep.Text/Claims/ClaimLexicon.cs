using Sitrep.Core.Claims;
using Sitrep.Text.Patterns;

namespace Sitrep.Text.Claims;

public enum CueRole { Verb, According }

public readonly record struct ClaimCue(CueRole Role, Stance Stance);

/// <summary>The attribution cues, stance phrases and source words of data/claims (see its README).</summary>
public sealed class ClaimLexicon
{
    public PhraseSet<ClaimCue> Cues { get; } = new();
    public PhraseSet<Stance> Stances { get; } = new();
    public WordSet SourceWords { get; } = new();
    /// <summary>Words that mark a photo caption or credit: true when the sentence must open with them, false anywhere in a short line.</summary>
    public PhraseSet<bool> Captions { get; } = new();

    public static ClaimLexicon Load(string directory)
    {
        var lexicon = new ClaimLexicon();
        var cues = Path.Combine(directory, "cues.tsv");
        foreach (var (line, c) in DataTable.Read(cues, 3))
        {
            var role = c[1] switch
            {
                "verb" => CueRole.Verb,
                "according" => CueRole.According,
                _ => throw new FormatException($"{cues}:{line}: role must be 'verb' or 'according', not '{c[1]}'"),
            };
            DataTable.AddPhrase(lexicon.Cues, cues, line, c[0], new ClaimCue(role, ParseStance(cues, line, c[2])));
        }
        var stances = Path.Combine(directory, "stance.tsv");
        foreach (var (line, c) in DataTable.Read(stances, 2))
            DataTable.AddPhrase(lexicon.Stances, stances, line, c[0], ParseStance(stances, line, c[1]));
        foreach (var (_, c) in DataTable.Read(Path.Combine(directory, "source-words.txt"), 1)) lexicon.SourceWords.Add(c[0]);
        var captions = Path.Combine(directory, "captions.tsv");
        if (File.Exists(captions))
            foreach (var (line, c) in DataTable.Read(captions, 2))
                DataTable.AddPhrase(lexicon.Captions, captions, line, c[0], c[1] switch
                {
                    "opens" => true,
                    "line" => false,
                    _ => throw new FormatException($"{captions}:{line}: where must be 'opens' or 'line', not '{c[1]}'"),
                });
        return lexicon;
    }

    private static Stance ParseStance(string path, int line, string name)
    {
        try { return Claim.ParseStance(name); }
        catch (FormatException e) { throw new FormatException($"{path}:{line}: {e.Message}", e); }
    }
}
