namespace Sitrep.Core.Documents;

public enum QuantityModifier { Exact, Approx, AtLeast, AtMost, Over, UpTo }

/// <summary>
/// A number with what it counts: "74 out of 117 drones" is 74 of 117, unit "drone". Value is in the unit as written,
/// except that imperial lengths and areas are converted (miles to km, square miles to km²). A range keeps its upper
/// end in <see cref="To"/>.
/// </summary>
public readonly record struct Quantity(TextSpan Span, double Value, double? Of, string? Unit, QuantityModifier Modifier, double? To = null)
{
    public static string ModifierName(QuantityModifier m) => m switch
    {
        QuantityModifier.Approx => "approx",
        QuantityModifier.AtLeast => "at_least",
        QuantityModifier.AtMost => "at_most",
        QuantityModifier.Over => "over",
        QuantityModifier.UpTo => "up_to",
        _ => "exact",
    };
}
