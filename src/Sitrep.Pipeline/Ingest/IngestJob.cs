using System.Diagnostics;
using Sitrep.Core.Documents;
using Sitrep.Ingest;
using Sitrep.Store;

namespace Sitrep.Pipeline.Ingest;

public enum IngestOutcome { Added, NearDuplicate, Duplicate, AlreadyStored, Skipped, Failed }

public sealed record IngestItem(string Source, IngestOutcome Outcome, string? DocumentId = null, string? Detail = null);

public sealed record IngestOptions
{
    public const long DefaultMaxBytes = 50L * 1024 * 1024;
    public long MaxBytes { get; init; } = DefaultMaxBytes;
    /// <summary>Documents per transaction; a killed ingest loses at most one batch, which the next run redoes.</summary>
    public int BatchSize { get; init; } = 200;
    public TimeSpan BatchTime { get; init; } = TimeSpan.FromSeconds(2);
}

public sealed class IngestSummary
{
    public int Added { get; set; }
    public int NearDuplicates { get; set; }
    public int Duplicates { get; set; }
    public int AlreadyStored { get; set; }
    public int Skipped { get; set; }
    public int Failed { get; set; }
    public int DatedFromCollection { get; set; }
    public double Seconds { get; set; }

    public void Count(IngestOutcome o)
    {
        switch (o)
        {
            case IngestOutcome.Added: Added++; break;
            case IngestOutcome.NearDuplicate: Added++; NearDuplicates++; break;
            case IngestOutcome.Duplicate: Duplicates++; break;
            case IngestOutcome.AlreadyStored: AlreadyStored++; break;
            case IngestOutcome.Skipped: Skipped++; break;
            default: Failed++; break;
        }
    }
}

/// <summary>
/// Reads sources into the store. Each input either becomes a document, is recognised as one already stored, or is
/// reported with its reason; one bad file never stops the batch. Writes are grouped in transactions.
/// </summary>
public sealed class IngestJob(IDocumentStore store, IngestOptions options, DocumentReader reader)
{
    /// <param name="onItem">Told of every input as it is settled, in order.</param>
    /// <param name="onProgress">Told (done, total) after every input.</param>
    /// <param name="standardInput">Opened when "-" is among the inputs.</param>
    public IngestSummary Run(IEnumerable<string> inputs, Action<IngestItem> onItem, Action<int, int>? onProgress = null, Func<Stream>? standardInput = null)
    {
        var clock = Stopwatch.StartNew();
        var summary = new IngestSummary();
        var entries = SourceWalker.Expand(inputs).ToList();
        var batchClock = Stopwatch.StartNew();
        var inBatch = 0;
        var tx = store.Begin();
        try
        {
            for (var i = 0; i < entries.Count; i++)
            {
                var item = Settle(entries[i], standardInput);
                summary.Count(item.Outcome);
                onItem(item);
                if (item.Outcome is IngestOutcome.Added or IngestOutcome.NearDuplicate or IngestOutcome.Duplicate or IngestOutcome.AlreadyStored) inBatch++;
                if (inBatch >= options.BatchSize || batchClock.Elapsed >= options.BatchTime)
                {
                    tx.Commit();
                    tx.Dispose();
                    tx = store.Begin();
                    inBatch = 0;
                    batchClock.Restart();
                }
                onProgress?.Invoke(i + 1, entries.Count);
            }
            tx.Commit();
        }
        finally
        {
            tx.Dispose();
        }
        summary.DatedFromCollection = CollectionDating.Apply(store);
        summary.Seconds = clock.Elapsed.TotalSeconds;
        return summary;
    }

    private IngestItem Settle(SourceEntry entry, Func<Stream>? standardInput)
    {
        var source = entry.Kind == SourceKind.StandardInput ? "stdin" : entry.Path;
        switch (entry.Kind)
        {
            case SourceKind.Skipped: return new IngestItem(source, IngestOutcome.Skipped, Detail: entry.Problem);
            case SourceKind.Failed: return new IngestItem(source, IngestOutcome.Failed, Detail: entry.Problem);
        }
        byte[] raw;
        try
        {
            raw = entry.Kind == SourceKind.StandardInput
                ? ReadLimited(standardInput?.Invoke() ?? throw new InputRejectedException("standard input is not available"))
                : ReadFile(entry.Path);
        }
        catch (InputRejectedException e) { return new IngestItem(source, IngestOutcome.Failed, Detail: e.Message); }
        catch (UnauthorizedAccessException) { return new IngestItem(source, IngestOutcome.Failed, Detail: "permission denied"); }
        catch (IOException e) { return new IngestItem(source, IngestOutcome.Failed, Detail: e.Message); }

        var id = DocumentReader.IdFor(raw);
        if (store.Contains(id))
        {
            store.AddSource(id, source);
            return new IngestItem(source, IngestOutcome.AlreadyStored, id);
        }
        Document doc;
        try { doc = reader.Read(source, raw); }
        catch (InputRejectedException e) { return new IngestItem(source, IngestOutcome.Failed, Detail: e.Message); }
        // a fault of ours on one odd article must not cost the rest of the batch; it is named so it can be reported
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new IngestItem(source, IngestOutcome.Failed, Detail: $"internal error while reading it ({e.GetType().Name}: {e.Message}); please report it with the file");
        }

        var (copy, of) = Duplicates.Find(store, doc);
        if (copy == Copy.Exact)
        {
            store.AddSource(of!, source);
            return new IngestItem(source, IngestOutcome.Duplicate, of, "same text as " + of);
        }
        if (copy == Copy.Near) doc = doc with { DuplicateOf = of };
        store.Add(doc, raw);
        return copy == Copy.Near
            ? new IngestItem(source, IngestOutcome.NearDuplicate, doc.Id, "near-identical copy of " + of)
            : new IngestItem(source, IngestOutcome.Added, doc.Id);
    }

    private byte[] ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > options.MaxBytes) throw new InputRejectedException($"larger than the size limit ({Size(info.Length)} > {Size(options.MaxBytes)}; see --max-size)");
        using var f = File.OpenRead(path);
        return ReadLimited(f);
    }

    private byte[] ReadLimited(Stream s)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = s.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > options.MaxBytes) throw new InputRejectedException($"larger than the size limit ({Size(options.MaxBytes)}; see --max-size)");
        }
        return buffer.ToArray();
    }

    private static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / (1 << 20)} MB" : bytes >= 1024 ? $"{bytes / 1024} KB" : $"{bytes} bytes";
}
