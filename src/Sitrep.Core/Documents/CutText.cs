namespace Sitrep.Core.Documents;

/// <summary>
/// A piece of the source text that was not taken into the body (page furniture, a byline, a date line),
/// with its offsets in the decoded source so that a reader can check every cut.
/// </summary>
public sealed record CutText(int Start, int End, CutReason Reason, string Text);

public enum CutReason
{
    Title,
    Outlet,
    Label,
    DateLine,
    Byline,
    ImageCredit,
    TemplateResidue,
    RepeatedLine,
    HeadlineList,
    TrailingFurniture,
    InlineFurniture,
}
