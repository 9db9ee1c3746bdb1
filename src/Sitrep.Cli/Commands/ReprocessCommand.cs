using System.CommandLine;
using Sitrep.Cli.Terminal;
using Sitrep.Pipeline.Ingest;

namespace Sitrep.Cli.Commands;

internal static class ReprocessCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json("the summary");
        var fast = EntityModes.FastOption();
        var command = new Command("reprocess", CommonOptions.Example("Re-derive every document from its stored raw bytes with the current pipeline.", "sitrep reprocess"))
        {
            json, fast,
        };
        command.SetAction(parse => CommonOptions.WithStore(parse, store =>
        {
            var asJson = parse.GetValue(json);
            if (CommonOptions.Reader(asJson, parse.GetValue(fast)) is not { } reader) return 2;
            ReprocessSummary summary;
            using (var bar = new ProgressBar("reprocess", enabled: !asJson))
                summary = Reprocessor.Run(store, reader, (source, reason) => bar.Message($"failed: {source}: {reason}"), bar.Report);
            Resolved.Ensure(store);
            if (asJson) Output.Json(summary);
            else Console.Error.WriteLine($"reprocessed {summary.Documents} documents: {summary.Changed} changed, {summary.Failed} failed, in {summary.Seconds:0.00}s");
            return summary.Failed > 0 ? IngestCommand.SomeFailed : 0;
        }));
        return command;
    }
}
