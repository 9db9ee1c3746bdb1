using System.CommandLine;
using Sitrep.Pipeline.Ingest;

namespace Sitrep.Cli.Commands;

internal static class WatchCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("sources") { Description = "Feeds and pages (http, https or files) and folders to poll", Arity = ArgumentArity.OneOrMore };
        var every = new Option<double>("--every") { Description = "Minutes between two rounds", DefaultValueFactory = _ => 5 };
        var rounds = new Option<int?>("--rounds") { Description = "Stop after this many rounds (default: until Ctrl-C)" };
        var maxSize = IngestCommand.MaxSize();
        var timeout = IngestCommand.Timeout();
        var fast = EntityModes.FastOption();
        var command = new Command("watch", CommonOptions.Example(
            "Poll feeds, addresses and folders and ingest what is new, with a status line per round. Ctrl-C stops after the input being read; nothing read is lost.",
            "sitrep watch https://example.org/feed.xml inbox/ --every 10", "sitrep watch https://example.org/atom.xml --rounds 1"))
        {
            sources, every, rounds, maxSize, timeout, fast,
        };
        command.SetAction(parse => CommonOptions.WithStore(parse, store =>
        {
            if (CommonOptions.Reader(quiet: false, parse.GetValue(fast)) is not { } reader) return 2;
            var options = new IngestOptions { MaxBytes = Math.Max(1, parse.GetValue(maxSize)) << 20 };
            using var fetcher = IngestCommand.Fetcher(options, parse.GetValue(timeout));
            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                // the first Ctrl-C finishes the input in hand and commits; a second one is the shell's
                if (stop.IsCancellationRequested) return;
                e.Cancel = true;
                stop.Cancel();
                Console.Error.WriteLine("stopping after the current input…");
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                var interval = TimeSpan.FromMinutes(Math.Max(0.01, parse.GetValue(every)));
                var job = new IngestJob(store, options, reader, fetcher);
                var failed = 0;
                WatchJob.Run(job, parse.GetValue(sources)!, interval,
                    round =>
                    {
                        failed += round.Summary.Failed;
                        Resolved.Ensure(store);
                        Console.Error.WriteLine($"[{round.Started:HH:mm:ss}] round {round.Number}: {IngestCommand.Describe(round.Summary)}; {store.Count()} documents stored" +
                            (stop.IsCancellationRequested ? "; stopped" : parse.GetValue(rounds) is { } r && round.Number >= r ? "" : $"; next round at {round.Started + interval:HH:mm:ss}"));
                    },
                    item => IngestCommand.Report(item, Console.Error.WriteLine), stop.Token, parse.GetValue(rounds));
                return failed > 0 ? IngestCommand.SomeFailed : 0;
            }
            finally { Console.CancelKeyPress -= onCancel; }
        }));
        return command;
    }
}
