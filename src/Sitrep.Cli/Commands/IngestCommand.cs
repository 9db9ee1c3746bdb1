using System.CommandLine;
using Sitrep.Cli.Terminal;
using Sitrep.Ingest.Web;
using Sitrep.Pipeline.Ingest;

namespace Sitrep.Cli.Commands;

internal static class IngestCommand
{
    public const int SomeFailed = 3;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders (read recursively), feeds, http(s) addresses, or - for standard input", Arity = ArgumentArity.OneOrMore };
        var maxSize = MaxSize();
        var timeout = Timeout();
        var json = CommonOptions.Json("the summary");
        var fast = EntityModes.FastOption();
        var command = new Command("ingest", CommonOptions.Example(
            "Read articles into the database: text, web pages, RSS and Atom feeds (every item; the linked article is fetched when the feed has only a summary), JSON Lines (one article a line). " +
            "Bad inputs are named on standard error and the rest go on; exit code 3 when any failed.",
            "sitrep ingest samples/", "sitrep ingest a.txt b.md --db team.db", "sitrep ingest https://example.org/feed.xml", "sitrep ingest crawl.jsonl.gz", "cat article.txt | sitrep ingest -"))
        {
            paths, maxSize, timeout, json, fast,
        };
        command.SetAction(parse => CommonOptions.WithStore(parse, store =>
        {
            var asJson = parse.GetValue(json);
            var options = new IngestOptions { MaxBytes = Math.Max(1, parse.GetValue(maxSize)) << 20 };
            if (CommonOptions.Reader(asJson, parse.GetValue(fast)) is not { } reader) return 2;
            using var fetcher = Fetcher(options, parse.GetValue(timeout));
            var failures = new List<object>();
            IngestSummary summary;
            using (var bar = new ProgressBar("ingest", enabled: !asJson))
                summary = new IngestJob(store, options, reader, fetcher).Run(parse.GetValue(paths)!, item => Report(item, bar.Message, failures), bar.Report, Console.OpenStandardInput);
            Resolved.Ensure(store);
            if (asJson)
                Output.Json(new
                {
                    summary.Added, summary.NearDuplicates, summary.Duplicates, summary.AlreadyStored, summary.Unchanged, summary.Skipped, summary.Failed,
                    summary.DatedFromCollection, summary.Seconds, Failures = failures,
                });
            else Console.Error.WriteLine(Describe(summary));
            return summary.Failed > 0 ? SomeFailed : 0;
        }));
        return command;
    }

    public static Option<long> MaxSize() => new("--max-size") { Description = "Largest file or download to read, in megabytes", DefaultValueFactory = _ => IngestOptions.DefaultMaxBytes >> 20 };

    public static Option<double> Timeout() => new("--timeout") { Description = "Seconds to wait for a web server's answer", DefaultValueFactory = _ => new FetchOptions().Timeout.TotalSeconds };

    public static Fetcher Fetcher(IngestOptions options, double timeoutSeconds) =>
        new(new FetchOptions { MaxBytes = options.MaxBytes, Timeout = TimeSpan.FromSeconds(Math.Max(0.1, timeoutSeconds)) });

    /// <summary>Names a failed or skipped input, and keeps failures for the JSON summary.</summary>
    public static void Report(IngestItem item, Action<string> say, List<object>? failures = null)
    {
        if (item.Warning is { } warning) say($"warning: {item.Source}: {warning}");
        if (item.Outcome is not (IngestOutcome.Failed or IngestOutcome.Skipped)) return;
        say($"{(item.Outcome == IngestOutcome.Failed ? "failed" : "skipped")}: {item.Source}: {item.Detail}");
        if (item.Outcome == IngestOutcome.Failed) failures?.Add(new { source = item.Source, reason = item.Detail });
    }

    public static string Describe(IngestSummary s) =>
        $"added {s.Added} ({s.NearDuplicates} near-duplicate), duplicates {s.Duplicates + s.AlreadyStored} ({s.AlreadyStored} already stored), " +
        (s.Unchanged > 0 ? $"unchanged {s.Unchanged}, " : "") + $"skipped {s.Skipped}, failed {s.Failed} in {s.Seconds:0.00}s";
}
