namespace Sitrep.Pipeline.Ingest;

/// <summary>One round of a watch: when it ran and what the ingest found.</summary>
public sealed record WatchRound(int Number, DateTimeOffset Started, IngestSummary Summary);

/// <summary>
/// Polls feeds, addresses and folders on an interval and ingests what is new. Each round is an ordinary ingest, so what
/// is already stored costs a lookup (or a conditional request that the server answers 304) and nothing is added twice.
/// Cancelling stops between two inputs and keeps everything read until then.
/// </summary>
public static class WatchJob
{
    /// <param name="rounds">Stop after this many rounds; null to go on until cancelled.</param>
    public static int Run(IngestJob job, IReadOnlyList<string> sources, TimeSpan interval, Action<WatchRound> onRound, Action<IngestItem> onItem,
        CancellationToken cancel, int? rounds = null)
    {
        var done = 0;
        while (!cancel.IsCancellationRequested && (rounds is null || done < rounds))
        {
            var started = DateTimeOffset.Now;
            var summary = job.Run(sources, onItem, cancel: cancel);
            onRound(new WatchRound(++done, started, summary));
            if (rounds is not null && done >= rounds) break;
            var wait = interval - (DateTimeOffset.Now - started);
            if (wait > TimeSpan.Zero && cancel.WaitHandle.WaitOne(wait)) break;
        }
        return done;
    }
}
