using Sitrep.Core.Documents;

namespace Sitrep.Core.Events;

/// <summary>
/// An event as one sentence of one article tells it: its type, the words that signal it, and the spans of what the
/// sentence says about it: who acted (first the doer), where, when, and how many. The spans point at the document's
/// own mentions, times and quantities, so resolution can give them entities and values. <see cref="Claim"/> indexes the
/// document's claims: the claim this report rests on.
/// </summary>
public sealed record EventMention(
    string Type,
    TextSpan Trigger,
    TextSpan Sentence,
    IReadOnlyList<TextSpan> Actors,
    TextSpan? Place,
    TextSpan? Time,
    IReadOnlyList<TextSpan> Quantities,
    int? Claim)
{
    /// <summary>Who or what it was done to: the object of the trigger, the subject of a passive, the victims.</summary>
    public IReadOnlyList<TextSpan> Targets { get; init; } = [];
}

/// <summary>The event types of the export contract, in the order the contract lists them.</summary>
public static class EventTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        "control_change", "strike", "interception", "casualties", "capture", "prisoner_exchange", "visit", "statement", "ceasefire_proposal",
        "ceasefire_acceptance", "negotiation", "demand", "order", "personnel_change", "withdrawal", "offensive", "deployment", "evacuation",
        "emergency_declared", "arrest", "death", "agreement", "meeting", "protest", "legal_action", "mutiny", "accident", "blockade",
        "other",
    ];

    public static bool IsKnown(string type) => All.Contains(type);
}
