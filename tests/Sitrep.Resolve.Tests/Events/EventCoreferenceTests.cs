using Sitrep.Resolve.Events.Coreference;

namespace Sitrep.Resolve.Tests.Events;

public class EventCoreferenceTests
{
    [Fact]
    public void Average_link_joins_what_is_alike_and_stops_at_the_threshold()
    {
        // 0-1 and 2-3 are close; 1-2 is one strong pair that single link would chain through, average link does not
        var s = new double[4, 4];
        void Set(int a, int b, double v) => s[a, b] = s[b, a] = v;
        Set(0, 1, 0.9); Set(2, 3, 0.9); Set(1, 2, 0.7); Set(0, 2, 0.1); Set(0, 3, 0.1); Set(1, 3, 0.1);
        var labels = Agglomerative.Cluster(4, (a, b) => s[a, b], 0.5);
        Assert.Equal(labels[0], labels[1]);
        Assert.Equal(labels[2], labels[3]);
        Assert.NotEqual(labels[0], labels[2]);
        Assert.Equal(4, Agglomerative.Cluster(4, (a, b) => s[a, b], 0.95).Distinct().Count());
    }

    private static EventMentionInfo M(string id, string doc, string head, params string[] context) =>
        new(id, doc, head, [head], context, [], [], [], []);

    [Fact]
    public void Mentions_join_within_a_cluster_of_alike_documents_but_not_across_two_similar_events()
    {
        // two earthquakes in one topic: documents about each share their words, and each has an "earthquake" mention
        var documents = new Dictionary<string, IReadOnlyList<string>>
        {
            ["a1"] = ["earthquak", "chile", "santiago", "magnitud", "tsunami"],
            ["a2"] = ["earthquak", "chile", "santiago", "tsunami", "warn"],
            ["b1"] = ["earthquak", "indonesia", "sumatra", "padang", "collaps"],
            ["b2"] = ["earthquak", "indonesia", "sumatra", "padang", "rescu"],
        };
        var mentions = new[]
        {
            M("a1:1", "a1", "earthquak", "chile"), M("a2:1", "a2", "earthquak", "chile"),
            M("b1:1", "b1", "earthquak", "sumatra"), M("b2:1", "b2", "earthquak", "sumatra"), M("b2:2", "b2", "rescu", "team"),
        };
        var weights = new float[PairFeatures.Count];
        weights[Array.IndexOf(PairFeatures.Names, "bias")] = -2;
        weights[Array.IndexOf(PairFeatures.Names, "same_head")] = 4;
        var coreference = new EventCoreference(new PairwiseModel(weights) { MentionThreshold = 0.5, DocumentThreshold = 0.3 });
        var clusters = coreference.Cluster(mentions, documents);
        Assert.Equal(clusters["a1:1"], clusters["a2:1"]);
        Assert.Equal(clusters["b1:1"], clusters["b2:1"]);
        Assert.NotEqual(clusters["a1:1"], clusters["b1:1"]);
        Assert.NotEqual(clusters["b2:1"], clusters["b2:2"]);
    }

    [Fact]
    public void The_model_learns_that_a_shared_trigger_means_one_event_and_survives_a_round_trip()
    {
        var x = new List<float[]>();
        var y = new List<bool>();
        for (var k = 0; k < 40; k++)
        {
            var f = new float[PairFeatures.Count];
            f[0] = 1;
            f[1] = k % 2;
            x.Add(f);
            y.Add(k % 2 == 1);
        }
        var model = PairwiseModel.Train(x, y);
        Assert.True(model.Probability(x[1]) > 0.8);
        Assert.True(model.Probability(x[0]) < 0.2);
        var path = Path.GetTempFileName();
        try
        {
            model.MentionThreshold = 0.65;
            model.Save(path);
            var loaded = PairwiseModel.Load(path);
            Assert.Equal(0.65, loaded.MentionThreshold);
            Assert.Equal(model.Probability(x[1]), loaded.Probability(x[1]), 5);
        }
        finally { File.Delete(path); }
    }
}
