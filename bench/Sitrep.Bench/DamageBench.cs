using Sitrep.Ingest;
using Sitrep.Pipeline.Ingest;

/// <summary>
/// Damaged bytes: copies of a seed article, each with bytes overwritten at random (fixed seed), read as ingest reads
/// them; how many are stored (with how many replacement characters) and how many refused. Random binary files of the
/// same size are read too: all of them should be refused.
/// </summary>
internal static class DamageBench
{
    public static int Run(string seedPath, int copies = 30, int damaged = 50, int seed = 18)
    {
        var article = File.ReadAllBytes(seedPath);
        var reader = new DocumentReader(null);
        var random = new Random(seed);
        int stored = 0, replaced = 0;
        var refused = new List<string>();
        for (var c = 0; c < copies; c++)
        {
            var bytes = (byte[])article.Clone();
            for (var k = 0; k < damaged; k++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            try
            {
                var doc = reader.Read(seedPath, bytes);
                stored++;
                replaced += Sitrep.Core.Documents.EncodingNote.Replaced(doc.Encoding);
            }
            catch (InputRejectedException e) { refused.Add(e.Message); }
        }
        var binaryRefused = 0;
        for (var c = 0; c < copies; c++)
        {
            var bytes = new byte[article.Length];
            random.NextBytes(bytes);
            try { reader.Read("random.bin", bytes); }
            catch (InputRejectedException) { binaryRefused++; }
        }
        Console.WriteLine($"damaged copies of {seedPath} ({article.Length:N0} bytes, {damaged} random bytes overwritten in each, seed {seed}):");
        Console.WriteLine($"  stored {stored} of {copies} ({(stored == 0 ? 0 : (double)replaced / stored):0.0} replacement characters each on average), refused {refused.Count}");
        foreach (var reason in refused.Distinct()) Console.WriteLine($"    refused: {reason}");
        Console.WriteLine($"  random binary files of the same size refused: {binaryRefused} of {copies}");
        return 0;
    }
}
