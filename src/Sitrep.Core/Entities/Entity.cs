using Sitrep.Core.Documents;

namespace Sitrep.Core.Entities;

/// <summary>A name as it stands in one document.</summary>
public sealed record EntityMention(string Document, TextSpan Span, string Type, string Text);

/// <summary>
/// One real person, place or organisation, whatever the spelling: its canonical name, every surface form seen, every
/// mention, and why each alias was joined.
/// </summary>
public sealed record Entity(string Id, string Type, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<EntityMention> Mentions, IReadOnlyDictionary<string, string> Reasons)
{
    /// <summary>For places found in the gazetteer; null for everything else, and for places that could not be found.</summary>
    public GeoPoint? Geo { get; init; }
}

public enum CorrectionKind { Merge, Split }

/// <summary>
/// A user's correction of the machine, kept apart from everything derived so that re-processing never loses it:
/// merge the entity written <see cref="A"/> with the one written <see cref="B"/>, or split the alias <see cref="B"/>
/// off the entity written <see cref="A"/>.
/// </summary>
public sealed record EntityCorrection(CorrectionKind Kind, string A, string B);

/// <summary>Where a place is: a point, the gazetteer record it came from, what kind of place it is, and its country (ISO 3166-1 alpha-2).</summary>
public sealed record GeoPoint(double Lat, double Lon, string Ref, string Kind, string Country);
