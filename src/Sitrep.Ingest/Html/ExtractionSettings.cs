namespace Sitrep.Ingest.Html;

/// <summary>
/// The few numbers that decide how much of a page is the article. Their defaults are the values k-fold
/// cross-validation chose on the article-extraction benchmark (<c>sitrep eval extract --folds 5</c>): the held-out
/// folds' figure, never the fit, is what we report.
/// </summary>
public sealed record ExtractionSettings
{
    public static ExtractionSettings Default { get; } = new();

    /// <summary>A sibling of the chosen block is kept when its text is at least this share of the block's.</summary>
    public double SiblingShare { get; init; } = 0.15;

    /// <summary>
    /// The chosen block grows into an ancestor whose text is at least this share paragraphs (long articles are often
    /// cut into sections between pictures and quotes); above 1 it never grows.
    /// </summary>
    public double ClimbDensity { get; init; } = 0.95;

    /// <summary>At the edges of the article, a line shorter than this that ends no sentence is page furniture.</summary>
    public int EdgeShort { get; init; }

    /// <summary>At the edges of the article, a line with more than this share of link text is page furniture.</summary>
    public double EdgeLinkDensity { get; init; } = 0.6;

    /// <summary>
    /// A paragraph adds half its score to its grandparent only when its parent holds at least this many paragraphs: an
    /// article is several paragraphs of one parent, while a list of comments or teasers wraps each paragraph alone.
    /// </summary>
    public int ParagraphsPerParent { get; init; } = 1;

    /// <summary>The candidates k-fold cross-validation chooses among.</summary>
    public static IReadOnlyList<ExtractionSettings> Grid() =>
    [
        .. from climb in new[] { 0.8, 0.9, 0.95, 2.0 }
           from share in new[] { 0.15, 0.25, 0.4 }
           from edgeShort in new[] { 0, 40, 80 }
           from edgeLinks in new[] { 0.3, 0.6, 2.0 }
           from perParent in new[] { 1, 2 }
           select new ExtractionSettings
           {
               ClimbDensity = climb, SiblingShare = share, EdgeShort = edgeShort, EdgeLinkDensity = edgeLinks, ParagraphsPerParent = perParent,
           },
    ];

    public override string ToString() =>
        FormattableString.Invariant($"climb density {ClimbDensity}, sibling share {SiblingShare}, edge short {EdgeShort}, edge link density {EdgeLinkDensity}, paragraphs per parent {ParagraphsPerParent}");
}
