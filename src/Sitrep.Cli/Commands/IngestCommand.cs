using System.CommandLine;
using Sitrep.Cli.Terminal;
using Sitrep.Pipeline.Ingest;

namespace Sitrep.Cli.Commands;

internal static class IngestCommand
{
    public const int SomeFailed = 3;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders (read recursively) or - for standard input", Arity = ArgumentArity.OneOrMore };
        var maxSize = new Option<long>("--max-size") { Description = "Largest file to read, in megabytes", DefaultValueFactory = _ => IngestOptions.DefaultMaxBytes >> 20 };
        var json = CommonOptions.Json("the summary");
        var command = new Command("ingest", CommonOptions.Example(
            "Read articles into the database. Bad files are named on standard error and the rest go on; exit code 3 when any failed.",
            "sitrep ingest samples/", "sitrep ingest a.txt b.md --db team.db", "cat article.txt | sitrep ingest -"))
        {
            paths, maxSize, json,
        };
        command.SetAction(parse => CommonOptions.WithStore(parse, store =>
        {
            var asJson = parse.GetValue(json);
            var options = new IngestOptions { MaxBytes = Math.Max(1, parse.GetValue(maxSize)) << 20 };
            if (CommonOptions.Reader(asJson) is not { } reader) return 2;
            var failures = new List<object>();
            IngestSummary summary;
            using (var bar = new ProgressBar("ingest", enabled: !asJson))
            {
                summary = new IngestJob(store, options, reader).Run(parse.GetValue(paths)!, item =>
                {
                    if (item.Outcome is IngestOutcome.Failed or IngestOutcome.Skipped)
                    {
                        bar.Message($"{(item.Outcome == IngestOutcome.Failed ? "failed" : "skipped")}: {item.Source}: {item.Detail}");
                        if (item.Outcome == IngestOutcome.Failed) failures.Add(new { source = item.Source, reason = item.Detail });
                    }
                }, bar.Report, Console.OpenStandardInput);
            }
            if (asJson)
                Output.Json(new
                {
                    summary.Added, summary.NearDuplicates, summary.Duplicates, summary.AlreadyStored, summary.Skipped, summary.Failed,
                    summary.DatedFromCollection, summary.Seconds, Failures = failures,
                });
            else
                Console.Error.WriteLine(
                    $"added {summary.Added} ({summary.NearDuplicates} near-duplicate), duplicates {summary.Duplicates + summary.AlreadyStored} " +
                    $"({summary.AlreadyStored} already stored), skipped {summary.Skipped}, failed {summary.Failed} in {summary.Seconds:0.00}s");
            return summary.Failed > 0 ? SomeFailed : 0;
        }));
        return command;
    }
}
