using Sitrep.Core.Documents;

namespace Sitrep.Core.Entities;

/// <summary>A name as it stands in one document.</summary>
public sealed record EntityMention(string Document, TextSpan Span, string Type, string Text);

/// <summary>
/// One real person, place or organisation, whatever the spelling: its canonical name, every surface form seen, every
/// mention, and why each alias was joined.
/// </summary>
public sealed record Entity(string Id, string Type, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<EntityMention> Mentions, IReadOnlyDictionary<string, string> Reasons);

public enum CorrectionKind { Merge, Split }

/// <summary>
/// A user's correction of the machine, kept apart from everything derived so that re-processing never loses it:
/// merge the entity written <see cref="A"/> with the one written <see cref="B"/>, or split the alias <see cref="B"/>
/// off the entity written <see cref="A"/>.
/// </summary>
public sealed record EntityCorrection(CorrectionKind Kind, string A, string B);
