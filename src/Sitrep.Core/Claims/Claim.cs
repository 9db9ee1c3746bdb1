using Sitrep.Core.Documents;

namespace Sitrep.Core.Claims;

/// <summary>How the text holds what it says: plainly, denying it, confirming it, saying it could not be checked, or hedging.</summary>
public enum Stance { Asserts, Denies, Confirms, Unverified, Hedged }

/// <summary>
/// One sentence and who says it. <see cref="Source"/> is the span of the words naming the source ("Russia's Ministry
/// of Defence"), null when the outlet says it in its own voice; a pronoun ("he said") is followed back to the name of
/// its speaker, so the span may lie in an earlier sentence. <see cref="Cue"/> is the word that attributes it.
/// </summary>
public sealed record Claim(TextSpan Span, TextSpan? Source, string? Cue, Stance Stance)
{
    public static string StanceName(Stance s) => s switch
    {
        Stance.Denies => "denies",
        Stance.Confirms => "confirms",
        Stance.Unverified => "unverified",
        Stance.Hedged => "hedged",
        _ => "asserts",
    };

    public static Stance ParseStance(string name) => name switch
    {
        "denies" => Stance.Denies,
        "confirms" => Stance.Confirms,
        "unverified" => Stance.Unverified,
        "hedged" => Stance.Hedged,
        "asserts" => Stance.Asserts,
        _ => throw new FormatException($"unknown stance '{name}'"),
    };
}
