using System.Diagnostics;
using System.Text;
using Sitrep.Pipeline.Ingest;
using Sitrep.Store.Sqlite;

// Ingest benchmark: how many articles a second one core reads (decode, extract, date, fingerprint) and how many a
// full ingest stores in SQLite. Articles are synthesised from a folder of real-looking ones (default: samples/),
// each made unique so that duplicate detection does its real work.
//   dotnet run -c Release --project bench/Sitrep.Bench -- [--articles N] [--from DIR]
//   --text FILE: measure the entity stage on real text too (a CoNLL file's tokens joined into sentences, or plain text)
//   --timeml DIR: measure the time and quantity taggers on TimeML documents (their text and creation dates)
//   --synthetic FILE: write --articles N synthetic news articles (many outlets, places, people, repeated events) as JSON Lines
//   --encoder: only the entity stage, the encoder model beside the perceptron, on articles of 800 words (EncoderBench)
//   --pages DIR: only the article extractor, side by side with readability.js on the same web pages (.html, .html.gz)
//   --compare DIR --truth FILE: the extractor against SmartReader and against itself on AngleSharp's parse, F1 and speed
//   --damage FILE: 30 copies of an article with 50 random bytes overwritten each, read as ingest reads them
//   --ecb DIR: only the event stage (mention tagger, coreference) beside the entity model, on ECB+'s dev topics
var count = 5000;
var from = Path.Combine(FindRoot(), "samples");
string? realText = null;
string? timeMl = null;
string? pagesDir = null;
string? compareDir = null, truthPath = null, damageSeed = null;
string? ecbDir = null;
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--articles") count = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
    if (args[i] == "--from") from = args[i + 1];
    if (args[i] == "--text") realText = args[i + 1];
    if (args[i] == "--timeml") timeMl = args[i + 1];
    if (args[i] == "--pages") pagesDir = args[i + 1];
    if (args[i] == "--compare") compareDir = args[i + 1];
    if (args[i] == "--truth") truthPath = args[i + 1];
    if (args[i] == "--damage") damageSeed = args[i + 1];
    if (args[i] == "--ecb") ecbDir = args[i + 1];
}
if (damageSeed is not null) return DamageBench.Run(damageSeed);
if (compareDir is not null) return truthPath is null ? Fail("--compare needs --truth FILE") : ExtractorComparison.Run(compareDir, truthPath, rounds: 5);
if (ecbDir is not null) return EcbBench.Run(ecbDir, FindRoot());
if (pagesDir is not null) return ExtractionBench.Run(pagesDir, FindRoot(), rounds: 10);
// --synthetic FILE: write --articles synthetic news articles as JSON Lines, for bench/serve-scale.sh
if (Array.IndexOf(args, "--synthetic") is var at and >= 0 && at + 1 < args.Length)
{
    SyntheticNews.Write(args[at + 1], count, Path.Combine(FindRoot(), "artifacts", "gazetteer", "cities.tsv"));
    Console.WriteLine($"wrote {count} synthetic articles to {args[at + 1]}");
    return 0;
}
if (args.Contains("--encoder")) return EncoderBench.Run(FindRoot(), from, args.Contains("--articles") ? count : 40, threads: 2);
var templates = Directory.EnumerateFiles(from, "*.*", SearchOption.AllDirectories).Select(f => Sitrep.Ingest.Decoding.TextDecoder.Decode(File.ReadAllBytes(f)).Text).ToArray();
if (templates.Length == 0) { Console.Error.WriteLine($"no articles in {from}"); return 1; }

var random = new Random(1);
string[] words = ["officials", "said", "the", "river", "convoy", "district", "shelling", "reported", "on", "Tuesday", "governor", "evacuated", "water", "bridge", "forces", "region"];
var articles = new byte[count][];
for (var i = 0; i < count; i++)
{
    var t = templates[i % templates.Length];
    var extra = string.Join(' ', Enumerable.Range(0, 60).Select(_ => words[random.Next(words.Length)])) + $" {i}.";
    // insert the unique paragraph before the last paragraph so furniture at the end stays at the end
    var cut = t.LastIndexOf("\n\n", StringComparison.Ordinal);
    articles[i] = Encoding.UTF8.GetBytes(cut > 0 ? t[..cut] + "\n\n" + extra + t[cut..] : t + "\n\n" + extra);
}
var bytes = articles.Sum(a => (long)a.Length);
Console.WriteLine($"{count} articles, {bytes / 1024.0 / count:0.0} KB each on average, from {from}");

// warm-up, then the read stage alone
var reader = new DocumentReader(null);
for (var round = 0; round < 3; round++) foreach (var a in articles.Take(1000)) reader.Read("warm", a);
var clock = Stopwatch.StartNew();

// the seconds of the fastest of several batches of rounds: on a shared machine the slow batches measure the neighbours
double Best(int batches, int rounds, Action pass)
{
    var best = double.MaxValue;
    for (var b = 0; b < batches; b++)
    {
        var watch = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++) pass();
        best = Math.Min(best, watch.Elapsed.TotalSeconds);
    }
    return best;
}
var readable = 0;
foreach (var a in articles)
{
    try { reader.Read("bench", a); readable++; }
    catch (Sitrep.Ingest.InputRejectedException) { }
}
var read = clock.Elapsed.TotalSeconds;
Console.WriteLine($"read stage (no entity model):  {count / read,10:0} articles/s  {bytes / read / 1048576,6:0.0} MB/s  ({readable} readable)");

// the read stage's parts, each over every article
var decoded = articles.Select(a => Sitrep.Ingest.Decoding.TextDecoder.Decode(a).Text).ToArray();
var extracted = decoded.Select(t => Sitrep.Ingest.PlainText.PlainTextArticleReader.Read(t)).ToArray();
(string Name, Action<int> Work)[] stages =
[
    ("decode", i => Sitrep.Ingest.Decoding.TextDecoder.Decode(articles[i])),
    ("extract", i => Sitrep.Ingest.PlainText.PlainTextArticleReader.Read(decoded[i])),
    ("date", i => Sitrep.Text.Time.PublicationDateInference.Infer(extracted[i].Body, extracted[i].HeaderDate)),
    ("language", i => Sitrep.Ingest.LanguageGuesser.Guess(extracted[i].Body)),
    ("fingerprint", i => Sitrep.Ingest.Dedup.Fingerprinter.Compute(extracted[i].Body)),
];
foreach (var (name, work) in stages)
{
    clock.Restart();
    for (var i = 0; i < count; i++) work(i);
    Console.WriteLine($"  {name,-12} {clock.Elapsed.TotalMilliseconds * 1000 / count,8:0.0} µs/article");
}

// entities: sentence split + tokenise + tag, over the bodies of the synthetic articles
var root = FindRoot();
var lexicon = Sitrep.Text.Entities.Lexicon.Load(Path.Combine(root, "data", "lexicon"), Path.Combine(root, "artifacts", "gazetteer", "cities.tsv"), Path.Combine(root, "models", "clusters.tsv"));
var recognizer = new Sitrep.Text.Entities.EntityRecognizer(Sitrep.Text.Entities.EntityModel.Load(Path.Combine(root, "models", "ner.bin")), lexicon);
var bodies = extracted.Select(e => e.Body).ToArray();
long tokenCount = 0;
foreach (var b in bodies.Take(500)) recognizer.Recognize(b);
clock.Restart();
foreach (var b in bodies) tokenCount += Sitrep.Text.Tokens.Tokenizer.Tokenize(b).Count;
var tokenizeSeconds = clock.Elapsed.TotalSeconds;
clock.Restart();
var mentions = 0;
foreach (var b in bodies) mentions += recognizer.Recognize(b).Count;
var nerSeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"tokenise:    {tokenCount / tokenizeSeconds,10:N0} tokens/s");
Console.WriteLine($"entities:    {tokenCount / nerSeconds,10:N0} tokens/s on the synthetic articles (split + tokenise + tag; {mentions:N0} mentions in {tokenCount:N0} tokens)");
if (realText is not null)
{
    var text = File.ReadLines(realText).Any(l => l.StartsWith("-DOCSTART-", StringComparison.Ordinal))
        ? string.Join("\n", Sitrep.Text.Entities.ConllCorpus.Read(realText).SelectMany(d => d.Sentences).Select(x => string.Join(' ', x.Tokens)))
        : File.ReadAllText(realText);
    var realTokens = Sitrep.Text.Tokens.Tokenizer.Tokenize(text).Count;
    for (var r = 0; r < 5; r++) recognizer.Recognize(text);
    const int rounds = 10;
    var best = Best(rounds, 1, () => recognizer.Recognize(text));
    Console.WriteLine($"entities:    {realTokens / best,10:N0} tokens/s on {Path.GetFileName(realText)} ({realTokens:N0} tokens, best of {rounds} rounds)");
}

// time expressions and quantities, per document
if (timeMl is not null)
{
    var tml = Sitrep.Text.Time.TimeMlCorpus.ReadFolder(timeMl);
    // warm-up long enough for the JIT to settle on its optimised code (fewer rounds measure the JIT, not the tagger)
    for (var r = 0; r < 15; r++) foreach (var d in tml) Sitrep.Text.Time.TimeTagger.Tag(d.Text, d.CreationDate);
    const int rounds = 10, batches = 15;
    var timeSeconds = Best(batches, rounds, () => { foreach (var d in tml) Sitrep.Text.Time.TimeTagger.Tag(d.Text, d.CreationDate); });
    var tagged = tml.Select(d => Sitrep.Text.Time.TimeTagger.Tag(d.Text, d.CreationDate)).ToArray();
    var quantitySeconds = Best(batches, rounds, () => { for (var k = 0; k < tml.Count; k++) Sitrep.Text.Quantities.QuantityTagger.Tag(tml[k].Text, tagged[k]); });
    var chars = tml.Sum(d => (long)d.Text.Length) / tml.Count;
    Console.WriteLine($"times:       {tml.Count * rounds / timeSeconds,10:N0} documents/s ({chars:N0} characters each on average; best of {batches} batches of {rounds} rounds)");
    Console.WriteLine($"quantities:  {tml.Count * rounds / quantitySeconds,10:N0} documents/s");
}

// claims and events against the stages they build on (entities, times, quantities), per article
{
    var events = Sitrep.Text.Events.EventReader.Load(Path.Combine(root, "data"));
    var anchor = new DateOnly(2025, 3, 13);
    void Compare(string label, IReadOnlyList<string> texts)
    {
        var prepared = texts.Select(b =>
        {
            var t = Sitrep.Text.Time.TimeTagger.Tag(b, anchor);
            return (Body: b, Mentions: recognizer.Recognize(b), Times: t, Quantities: Sitrep.Text.Quantities.QuantityTagger.Tag(b, t));
        }).ToArray();
        foreach (var p in prepared.Take(200)) events.Read(p.Body, p.Mentions, p.Times, p.Quantities);
        const int rounds = 3;
        clock.Restart();
        for (var r = 0; r < rounds; r++)
            foreach (var b in texts)
            {
                recognizer.Recognize(b);
                Sitrep.Text.Quantities.QuantityTagger.Tag(b, Sitrep.Text.Time.TimeTagger.Tag(b, anchor));
            }
        var before = clock.Elapsed.TotalSeconds;
        clock.Restart();
        int claims = 0, found = 0;
        for (var r = 0; r < rounds; r++)
            foreach (var p in prepared)
            {
                var (c, e) = events.Read(p.Body, p.Mentions, p.Times, p.Quantities);
                claims += c.Count;
                found += e.Count;
            }
        var extraction = clock.Elapsed.TotalSeconds;
        var n = texts.Count * rounds;
        Console.WriteLine($"events:      {label}: entities+times+quantities {before * 1e6 / n,7:0.0} µs/article, claims+events {extraction * 1e6 / n,7:0.0} µs/article " +
                          $"(+{extraction / before:P0}; {claims / rounds:N0} claims, {found / rounds:N0} events)");
    }
    Compare("synthetic articles", bodies);
    if (timeMl is not null) Compare("TimeBank news texts", Sitrep.Text.Time.TimeMlCorpus.ReadFolder(timeMl).Select(d => d.Text).ToList());
}

// entity resolution: 100,000 mentions over 5,000 documents, names drawn from a pool with spelling variants
{
    var rnd = new Random(3);
    string[] first = ["Oleksandr", "Dmytro", "Volodymyr", "Serhii", "Andrii", "Yurii", "Mykola", "Ivan", "Petro", "Vasyl"];
    string[] syllables = ["ko", "va", "len", "shev", "chen", "tka", "bon", "dar", "lys", "mar", "mel", "nyk", "boy", "hry", "pet", "sav"];
    var pool = new List<(string Type, string Name)>();
    for (var k = 0; k < 3000; k++)
    {
        // three syllables make 4,096 distinct surnames; real pools of names are this varied
        var surname = char.ToUpperInvariant(syllables[k % 16][0]) + syllables[k % 16][1..] + syllables[k / 16 % 16] + syllables[k / 256 % 16] + "enko";
        pool.Add(k % 3 == 0 ? ("LOC", "Town" + surname) : ("PER", first[k % first.Length] + " " + surname));
    }
    var resolveMentions = new List<Sitrep.Core.Entities.EntityMention>();
    for (var docIndex = 0; docIndex < 5000; docIndex++)
        for (var k = 0; k < 20; k++)
        {
            var (type, name) = pool[rnd.Next(pool.Count)];
            var text = k % 4 == 3 && type == "PER" ? name.Split(' ')[1] : name;
            resolveMentions.Add(new(docIndex.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), new Sitrep.Core.Documents.TextSpan(k * 30, k * 30 + text.Length), type, text));
        }
    clock.Restart();
    var resolved = Sitrep.Resolve.EntityResolver.Resolve(resolveMentions);
    Console.WriteLine($"resolution:  {resolveMentions.Count:N0} mentions into {resolved.Count:N0} entities in {clock.Elapsed.TotalSeconds:0.00}s");
}

// the same with organisations in long and short forms, and the type vote as users' views run it (one spelling, one type)
{
    var rnd = new Random(4);
    string[] orgBodies = ["Ministry of Defence", "Security Service", "Armed Forces", "National Guard", "Border Guard Service", "General Staff"];
    string[] owners = ["Ukraine", "Russia", "Azerbaijan", "Armenia", "Belarus", "Georgia", "Moldova", "Poland", "Finland", "Latvia"];
    string[] syllables = ["ko", "va", "len", "shev", "chen", "tka", "bon", "dar", "lys", "mar", "mel", "nyk", "boy", "hry", "pet", "sav"];
    var pool = new List<(string Type, string Name)>();
    for (var k = 0; k < 3000; k++)
    {
        var word = char.ToUpperInvariant(syllables[k % 16][0]) + syllables[k % 16][1..] + syllables[k / 16 % 16] + syllables[k / 256 % 16];
        pool.Add((k % 4) switch
        {
            0 => ("ORG", $"{orgBodies[k % orgBodies.Length]} of {owners[k / orgBodies.Length % owners.Length]}"),
            1 => ("ORG", $"{word} Group"),
            2 => ("LOC", "Town" + word),
            _ => ("PER", "Oleksandr " + word + "enko"),
        });
    }
    var orgMentions = new List<Sitrep.Core.Entities.EntityMention>();
    for (var docIndex = 0; docIndex < 5000; docIndex++)
        for (var k = 0; k < 20; k++)
        {
            var (type, name) = pool[rnd.Next(pool.Count)];
            // short forms ("Wagner" for "Wagner Group", "Ministry of Defence" for "... of Ukraine") and the tagger's other types
            var text = k % 4 == 3 && type == "ORG" ? string.Join(' ', name.Split(' ')[..^(name.EndsWith(" Group", StringComparison.Ordinal) ? 1 : 2)]) : name;
            if (k % 7 == 6) type = type == "ORG" ? "MISC" : type == "LOC" ? "PER" : type;
            orgMentions.Add(new(docIndex.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), new Sitrep.Core.Documents.TextSpan(k * 40, k * 40 + text.Length), type, text));
        }
    clock.Restart();
    var resolved = Sitrep.Resolve.EntityResolver.Resolve(Sitrep.Resolve.TypeVote.Agree(orgMentions));
    Console.WriteLine($"resolution with organisations and the type vote:  {orgMentions.Count:N0} mentions into {resolved.Count:N0} entities in {clock.Elapsed.TotalSeconds:0.00}s");
}

// full ingest from files into a fresh SQLite database
var dir = Directory.CreateTempSubdirectory("sitrep-bench-").FullName;
try
{
    for (var i = 0; i < count; i++) File.WriteAllBytes(Path.Combine(dir, $"{i:D6}.txt"), articles[i]);
    using var store = new SqliteDocumentStore(Path.Combine(dir, "bench.db"));
    clock.Restart();
    // a real ingest: entities, times and quantities included
    var summary = new IngestJob(store, new IngestOptions(), new DocumentReader(recognizer)).Run([dir], _ => { });
    var ingest = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"full ingest: {count / ingest,10:0} articles/s  ({summary.Added} added, {summary.NearDuplicates} near-duplicates, {summary.Failed} failed) = {count / ingest * 60:0} a minute");
}
finally
{
    Directory.Delete(dir, true);
}
return 0;

static string FindRoot()
{
    var d = new DirectoryInfo(AppContext.BaseDirectory);
    while (d is not null && !File.Exists(Path.Combine(d.FullName, "Sitrep.slnx"))) d = d.Parent;
    return d?.FullName ?? ".";
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
