using System.Diagnostics;
using Sitrep.Text.Entities;
using Sitrep.Text.Entities.Encoder;

/// <summary>
/// Entity reading side by side: the encoder model and the perceptron (--fast) over the same articles cut to 800 words,
/// in articles/s and wordpieces/s, with the process's resident memory after each (one encoder instance per process).
///   dotnet run -c Release --project bench/Sitrep.Bench -- --encoder [--from DIR] [--articles N] [--threads T]
/// </summary>
internal static class EncoderBench
{
    public static int Run(string root, string from, int count, int threads)
    {
        var texts = Directory.EnumerateFiles(from, "*.*", SearchOption.AllDirectories)
            .Select(f => Sitrep.Ingest.PlainText.PlainTextArticleReader.Read(Sitrep.Ingest.Decoding.TextDecoder.Decode(File.ReadAllBytes(f)).Text).Body)
            .Where(t => t.Length > 0).ToArray();
        if (texts.Length == 0) { Console.Error.WriteLine($"no articles in {from}"); return 1; }
        // articles of 800 words: the samples run on into one another and are cut at the 800th word
        var words = texts.SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var articles = Enumerable.Range(0, count).Select(i => string.Join(' ', Enumerable.Range(0, 800).Select(k => words[(i * 800 + k) % words.Length]))).ToArray();
        var lexicon = Lexicon.Load(Path.Combine(root, "data", "lexicon"), Path.Combine(root, "artifacts", "gazetteer", "cities.tsv"), Path.Combine(root, "models", "clusters.tsv"));
        Console.WriteLine($"{count} articles of 800 words from {from}, {threads} threads for the encoder");
        Console.WriteLine($"resident memory before any model: {Resident() / 1048576.0:0} MB");

        var perceptron = new EntityRecognizer(EntityModel.Load(Path.Combine(root, "models", "ner.bin")), lexicon);
        Measure("perceptron (--fast)", perceptron, articles, pieces: null);

        var encoderPath = Path.Combine(root, "models", "ner-encoder.bin");
        if (!File.Exists(encoderPath)) { Console.WriteLine($"no {encoderPath}: train it with 'sitrep train ner --encoder'"); return 0; }
        var model = EncoderEntityModel.Load(encoderPath);
        using var runtime = new EncoderRuntime(model, threads);
        var encoder = new EntityRecognizer(new EncoderEntityTagger(runtime, lexicon), lexicon, model.Info);
        var pieces = articles.Sum(a => (long)Sitrep.Text.Tokens.Tokenizer.Tokenize(a).Sum(t => runtime.Tokens.Pieces.Of(t.Of(a)).Length));
        Measure($"encoder ({model.Shape.Layers} layers)", encoder, articles, pieces);
        return 0;
    }

    private static void Measure(string name, EntityRecognizer recognizer, string[] articles, long? pieces)
    {
        foreach (var a in articles.Take(3)) recognizer.Recognize(a);
        var clock = Stopwatch.StartNew();
        var mentions = 0;
        foreach (var a in articles) mentions += recognizer.Recognize(a).Count;
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{name,-22} {articles.Length / seconds,8:0.0} articles/s" + (pieces is { } p ? $"  {p / seconds,8:N0} wordpieces/s" : "")
            + $"  {mentions / (double)articles.Length,5:0.0} names/article  resident {Resident() / 1048576.0:0} MB");
    }

    /// <summary>The process's resident set size (VmRSS), which counts the native encoder's memory too.</summary>
    private static long Resident()
    {
        var status = "/proc/self/status";
        if (File.Exists(status))
            foreach (var line in File.ReadLines(status))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return Process.GetCurrentProcess().WorkingSet64;
    }
}
