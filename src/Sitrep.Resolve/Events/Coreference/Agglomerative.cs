namespace Sitrep.Resolve.Events.Coreference;

/// <summary>
/// Average-link agglomerative clustering: repeatedly joins the two clusters whose members are on average most alike,
/// while that average is above the threshold. Average link resists the chains single link builds from one strong pair.
/// </summary>
public static class Agglomerative
{
    /// <summary>Cluster number of each item; <paramref name="similarity"/> is symmetric and read once per pair.</summary>
    public static int[] Cluster(int count, Func<int, int, double> similarity, double threshold)
    {
        // sums of pair similarities between live clusters; cluster i is live while size[i] > 0
        var sum = new double[count, count];
        for (var i = 0; i < count; i++)
            for (var j = i + 1; j < count; j++) sum[i, j] = sum[j, i] = similarity(i, j);
        var size = Enumerable.Repeat(1, count).ToArray();
        var label = Enumerable.Range(0, count).ToArray();
        while (true)
        {
            int bi = -1, bj = -1;
            var best = threshold;
            for (var i = 0; i < count; i++)
            {
                if (size[i] == 0) continue;
                for (var j = i + 1; j < count; j++)
                {
                    if (size[j] == 0) continue;
                    var average = sum[i, j] / (size[i] * size[j]);
                    if (average > best) { best = average; bi = i; bj = j; }
                }
            }
            if (bi < 0) break;
            for (var k = 0; k < count; k++)
            {
                if (size[k] == 0 || k == bi || k == bj) continue;
                sum[bi, k] = sum[k, bi] = sum[bi, k] + sum[bj, k];
            }
            size[bi] += size[bj];
            size[bj] = 0;
            for (var k = 0; k < count; k++) if (label[k] == bj) label[k] = bi;
        }
        return label;
    }
}
