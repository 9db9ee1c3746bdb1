namespace Sitrep.Resolve.Events.Coreference;

/// <summary>
/// What coreference knows of one event mention. <see cref="Stems"/> are the matching keys of the trigger's words
/// (<see cref="HeadStem"/> the one that carries its meaning); <see cref="Context"/> the content-word keys of its
/// sentence. <see cref="SentenceVector"/> is the sentence encoder's vector where one is available: with it, the meaning
/// feature is the vectors' cosine; without it, the cosine of the sentence words. Arguments are normalised strings
/// (lowercase names, ISO dates, figures as digits). <see cref="Sentence"/> numbers the sentence in its document;
/// <see cref="HeadCluster"/> is the head word's cluster bit path (models/clusters.tsv), where it has one.
/// </summary>
public sealed record EventMentionInfo(
    string Id,
    string Document,
    string HeadStem,
    IReadOnlyList<string> Stems,
    IReadOnlyList<string> Context,
    IReadOnlyCollection<string> Times,
    IReadOnlyCollection<string> Places,
    IReadOnlyCollection<string> Participants,
    IReadOnlyCollection<string> Figures,
    float[]? SentenceVector = null,
    int Sentence = -1,
    string? HeadCluster = null);
