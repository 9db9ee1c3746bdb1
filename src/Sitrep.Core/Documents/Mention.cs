namespace Sitrep.Core.Documents;

/// <summary>A name in a document's body: where it is and what kind of thing it names (PER, ORG, LOC, MISC).</summary>
public readonly record struct Mention(TextSpan Span, string Type);
