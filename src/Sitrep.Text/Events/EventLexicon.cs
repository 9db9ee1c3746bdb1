using Sitrep.Core.Events;
using Sitrep.Text.Patterns;

namespace Sitrep.Text.Events;

[Flags]
public enum TriggerNeeds { None = 0, Place = 1, People = 2, NoPeople = 4, Quantity = 8, Person = 16, Speaker = 32, Transitive = 64 }

public readonly record struct Trigger(string Type, TriggerNeeds Needs);

/// <summary>The trigger phrases, blockers, people nouns and affiliations of data/events (see its README).</summary>
public sealed class EventLexicon
{
    public PhraseSet<Trigger> Triggers { get; } = new();
    /// <summary>Words that block a trigger in the few words after them ("not", "may").</summary>
    public WordSet Blockers { get; } = new();
    /// <summary>Words that block every trigger after them in their clause ("if", "whether").</summary>
    public WordSet ClauseBlockers { get; } = new();
    /// <summary>Countries and the words that stand for them: the places that can also act ("Russia said", "Kyiv agreed").</summary>
    public WordSet Parties { get; } = new();
    public WordSet People { get; } = new();

    /// <summary>Nationality or seat of power → the country it stands for ("Kremlin" → "Russia").</summary>
    public IReadOnlyDictionary<string, string> Affiliations => _affiliations;

    private readonly Dictionary<string, string> _affiliations = new(StringComparer.OrdinalIgnoreCase);

    public static EventLexicon Load(string directory)
    {
        var lexicon = new EventLexicon();
        var triggers = Path.Combine(directory, "triggers.tsv");
        foreach (var (line, c) in DataTable.Read(triggers, 2))
        {
            if (!EventTypes.IsKnown(c[0])) throw new FormatException($"{triggers}:{line}: '{c[0]}' is not an event type of the export contract");
            var needs = TriggerNeeds.None;
            if (c.Length > 2)
                foreach (var need in c[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    needs |= need switch
                    {
                        "place" => TriggerNeeds.Place,
                        "people" => TriggerNeeds.People,
                        "no-people" => TriggerNeeds.NoPeople,
                        "quantity" => TriggerNeeds.Quantity,
                        "person" => TriggerNeeds.Person,
                        "speaker" => TriggerNeeds.Speaker,
                        "transitive" => TriggerNeeds.Transitive,
                        _ => throw new FormatException(
                            $"{triggers}:{line}: unknown need '{need}' (place, people, no-people, quantity, person, speaker, transitive)"),
                    };
            DataTable.AddPhrase(lexicon.Triggers, triggers, line, c[1], new Trigger(c[0], needs));
        }
        var blockers = Path.Combine(directory, "blockers.tsv");
        foreach (var (line, c) in DataTable.Read(blockers, 1))
            (c.Length < 2 || c[1] == "near" ? lexicon.Blockers : c[1] == "clause" ? lexicon.ClauseBlockers
                : throw new FormatException($"{blockers}:{line}: scope must be 'near' or 'clause', not '{c[1]}'")).Add(c[0]);
        foreach (var (_, c) in DataTable.Read(Path.Combine(directory, "people.txt"), 1)) lexicon.People.Add(c[0]);
        foreach (var (_, c) in DataTable.Read(Path.Combine(directory, "affiliations.tsv"), 2)) {
            lexicon._affiliations[c[0]] = c[1];
            lexicon.Parties.Add(c[0]);
            lexicon.Parties.Add(c[1]);
        }
        return lexicon;
    }
}
