using Sitrep.Resolve.Events.Coreference;

namespace Sitrep.Resolve.Tests.Events;

/// <summary>
/// The test cases of the CoNLL-2012 reference scorer (conll/reference-coreference-scorers, test/TestCases.README and
/// CorefMetricTestConfig.pm): key {a} {bc} {def} against responses with missing, extra and misplaced mentions.
/// </summary>
public class CorefScoresTests
{
    private static Dictionary<char, string> Partition(params string[] clusters) =>
        clusters.SelectMany(c => c.Select(m => (m, c))).ToDictionary(x => x.m, x => x.c);

    private static readonly Dictionary<char, string> Key = Partition("a", "bc", "def");

    private static void Near(double expected, double actual) => Assert.Equal(expected, actual, 4);

    [Fact]
    public void A_perfect_response_scores_one_everywhere()
    {
        var s = CorefScores.Score(Key, Partition("a", "bc", "def"));
        Near(1, s.Muc.F1); Near(1, s.BCubed.F1); Near(1, s.CeafE.F1); Near(1, s.ConllF1);
    }

    [Fact]
    public void Missing_mentions_lower_recall_only() // TC-A-2: {a} {de}
    {
        var s = CorefScores.Score(Key, Partition("a", "de"));
        Near(1.0 / 3, s.Muc.Recall); Near(1, s.Muc.Precision);
        Near(7.0 / 3 / 6, s.BCubed.Recall); Near(1, s.BCubed.Precision);
        Near(0.6, s.CeafE.Recall); Near(0.9, s.CeafE.Precision); Near(0.72, s.CeafE.F1);
    }

    [Fact]
    public void Extra_mentions_lower_precision_only() // TC-A-3: {a} {bcx} {defy} {z}
    {
        var s = CorefScores.Score(Key, Partition("a", "bcx", "defy", "z"));
        Near(1, s.Muc.Recall); Near(3.0 / 5, s.Muc.Precision); Near(0.75, s.Muc.F1);
        Near(1, s.BCubed.Recall); Near((4 + 7.0 / 12) / 9, s.BCubed.Precision); Near(110.0 / 163, s.BCubed.F1);
        Near(0.88571, s.CeafE.Recall); Near(0.66429, s.CeafE.Precision); Near(0.75918, s.CeafE.F1);
    }

    [Fact]
    public void Missing_and_extra_mentions_together() // TC-A-4: {a} {bcx} {dy} {z}
    {
        var s = CorefScores.Score(Key, Partition("a", "bcx", "dy", "z"));
        Near(1.0 / 3, s.Muc.Recall); Near(1.0 / 3, s.Muc.Precision);
        Near((3 + 1.0 / 3) / 6, s.BCubed.Recall); Near((1 + 4.0 / 3 + 1.0 / 2) / 7, s.BCubed.Precision);
        Near(0.73333, s.CeafE.Recall); Near(0.55, s.CeafE.Precision); Near(0.62857, s.CeafE.F1);
    }

    [Fact]
    public void All_singletons_have_no_muc_links_but_full_bcubed_precision() // TC-A-10: {a} {b} {c} {d} {e} {f}
    {
        var s = CorefScores.Score(Key, Partition("a", "b", "c", "d", "e", "f"));
        Near(0, s.Muc.F1);
        Near(3.0 / 6, s.BCubed.Recall); Near(1, s.BCubed.Precision);
    }

    [Fact]
    public void One_cluster_of_everything_has_full_recall() // TC-A-11: {abcdef}
    {
        var s = CorefScores.Score(Key, Partition("abcdef"));
        Near(1, s.Muc.Recall); Near(3.0 / 5, s.Muc.Precision);
        Near(1, s.BCubed.Recall); Near((1.0 / 6 + 2 * 2.0 / 6 + 3 * 3.0 / 6) / 6, s.BCubed.Precision);
    }

    [Fact]
    public void The_assignment_finds_the_best_matching_not_the_greedy_one()
    {
        // greedy takes 0.9 and is left with 0.1; the best pairs 0.8 with 0.8
        Near(1.6, Assignment.MaximumWeight(new[,] { { 0.9, 0.8 }, { 0.8, 0.1 } }));
        Near(0.9, Assignment.MaximumWeight(new[,] { { 0.9 }, { 0.8 } }));
        Near(1.5, Assignment.MaximumWeight(new[,] { { 0.5, 0.9, 0.1 }, { 0.2, 1.0, 0.6 } }));
    }
}
