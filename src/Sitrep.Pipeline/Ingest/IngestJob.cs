using System.Diagnostics;
using Sitrep.Core.Documents;
using System.Text;
using Sitrep.Ingest;
using Sitrep.Ingest.Decoding;
using Sitrep.Ingest.Feeds;
using Sitrep.Ingest.Web;
using Sitrep.Store;

namespace Sitrep.Pipeline.Ingest;

public enum IngestOutcome { Added, NearDuplicate, Duplicate, AlreadyStored, Unchanged, Skipped, Failed }

/// <param name="Warning">What was stored but not as given (bytes that could not be decoded), for the user to hear.</param>
public sealed record IngestItem(string Source, IngestOutcome Outcome, string? DocumentId = null, string? Detail = null, string? Warning = null);

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
    /// <summary>Addresses the server said have not changed since they were last fetched.</summary>
    public int Unchanged { get; set; }
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
            case IngestOutcome.Unchanged: Unchanged++; break;
            case IngestOutcome.Skipped: Skipped++; break;
            default: Failed++; break;
        }
    }
}

/// <summary>
/// Reads sources into the store: files, folders, standard input, web addresses and feeds (every item of a feed, its
/// linked article fetched when the feed carries only a summary). Each input either becomes a document, is recognised
/// as one already stored, or is reported with its reason; one bad input never stops the batch. Writes are grouped in
/// transactions, and a cancelled run commits what it finished.
/// </summary>
/// <param name="fetcher">Fetches web addresses; without one they are reported as not fetched.</param>
public sealed class IngestJob(IDocumentStore store, IngestOptions options, DocumentReader reader, Fetcher? fetcher = null)
{
    /// <summary>Feed items whose full text is shorter than this are teasers: the linked article is fetched instead.</summary>
    private const int FullTextLength = 500;

    /// <param name="onItem">Told of every input as it is settled, in order.</param>
    /// <param name="onProgress">Told (done, total) after every input.</param>
    /// <param name="standardInput">Opened when "-" is among the inputs.</param>
    /// <param name="cancel">Stops the run between two inputs; what was read until then is kept.</param>
    public IngestSummary Run(IEnumerable<string> inputs, Action<IngestItem> onItem, Action<int, int>? onProgress = null, Func<Stream>? standardInput = null,
        CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var summary = new IngestSummary();
        var entries = SourceWalker.Expand(inputs).ToList();
        var batchClock = Stopwatch.StartNew();
        var inBatch = 0;
        var tx = store.Begin();
        try
        {
            for (var i = 0; i < entries.Count && !cancel.IsCancellationRequested; i++)
            {
                foreach (var item in Settle(entries[i], standardInput, cancel))
                {
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

    private IEnumerable<IngestItem> Settle(SourceEntry entry, Func<Stream>? standardInput, CancellationToken cancel)
    {
        var source = entry.Kind == SourceKind.StandardInput ? "stdin" : entry.Path;
        switch (entry.Kind)
        {
            case SourceKind.Skipped: return [new IngestItem(source, IngestOutcome.Skipped, Detail: entry.Problem)];
            case SourceKind.Failed: return [new IngestItem(source, IngestOutcome.Failed, Detail: entry.Problem)];
            case SourceKind.Url: return Fetch(entry.Path, null, cancel);
        }
        if (entry.Kind == SourceKind.File && JsonLinesReader.IsJsonLines(entry.Path)) return FromJsonLines(entry.Path, cancel);
        byte[] raw;
        try
        {
            raw = entry.Kind == SourceKind.StandardInput
                ? ReadLimited(standardInput?.Invoke() ?? throw new InputRejectedException("standard input is not available"))
                : ReadFile(entry.Path);
        }
        catch (InputRejectedException e) { return [Failed(source, e.Message)]; }
        catch (UnauthorizedAccessException) { return [Failed(source, "permission denied")]; }
        catch (IOException e) { return [Failed(source, e.Message)]; }
        return FromBytes(source, raw, null, feeds: true, cancel);
    }

    private static IngestItem Failed(string source, string reason) => new(source, IngestOutcome.Failed, Detail: reason);

    /// <summary>Every line of a JSON Lines file, streamed: the record's own fields are its metadata, its text the stored bytes.</summary>
    private IEnumerable<IngestItem> FromJsonLines(string path, CancellationToken cancel)
    {
        using (var lines = JsonLinesReader.Read(path, options.MaxBytes).GetEnumerator())
        {
            while (!cancel.IsCancellationRequested)
            {
                JsonLinesRecord? next = null;
                string? problem = null;
                try { if (!lines.MoveNext()) break; next = lines.Current; }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { problem = e is UnauthorizedAccessException ? "permission denied" : e.Message; }
                if (problem is not null) { yield return Failed(path, problem); yield break; }
                if (next is JsonLinesProblem bad) { yield return Failed($"{path}:{bad.Line}", bad.Reason); continue; }
                if (next is not JsonLinesArticle a) continue;
                var hints = new SourceHints { Url = a.Url, Title = a.Title, Author = a.Author, Outlet = a.Outlet, Published = a.Published, MediaType = a.IsHtml ? "text/html" : "text/plain", BodyOnly = !a.IsHtml };
                yield return Store(a.Url ?? $"{path}:{a.Line}", Encoding.UTF8.GetBytes(a.Text), hints);
            }
        }
    }

    /// <summary>A feed's items, or one article.</summary>
    /// <param name="feeds">False for the article a feed item links to: a feed is never read from inside a feed, so a feed that links to itself ends.</param>
    private IEnumerable<IngestItem> FromBytes(string source, byte[] raw, SourceHints? hints, bool feeds, CancellationToken cancel)
    {
        if (!Gzip.IsCompressed(source) && FeedReader.LooksLikeFeed(raw))
        {
            if (!feeds) return [Failed(source, "a feed item that links to a feed, not to an article")];
            Feed feed;
            try { feed = FeedReader.Read(TextDecoder.Decode(raw, hints?.Charset).Text); }
            catch (InputRejectedException e) { return [Failed(source, e.Message)]; }
            return FromFeed(source, hints?.Url, feed, cancel);
        }
        return [Store(source, raw, hints)];
    }

    private IEnumerable<IngestItem> FromFeed(string feedSource, string? feedUrl, Feed feed, CancellationToken cancel)
    {
        var baseUri = feedUrl is not null ? new Uri(feedUrl) : Uri.TryCreate(feed.Link, UriKind.Absolute, out var site) ? site : null;
        var items = feed.Items.Select((item, n) =>
        {
            var link = item.Link is null ? null : baseUri is not null && Uri.TryCreate(baseUri, item.Link, out var abs) ? abs.AbsoluteUri : item.Link;
            var hints = new SourceHints { Url = link, Title = item.Title, Author = item.Author, Outlet = feed.Title, Published = item.Published, MediaType = "text/html" };
            // many feeds put the whole article in the description
            var text = item.Content ?? item.Summary;
            var fullText = text is not null && FeedReader.TextLength(text) >= FullTextLength;
            var fetch = !fullText && link is not null && Fetcher.IsUrl(link) && store.FindBySource(link) is null;
            return (Item: item, Source: link ?? $"{feedSource}#{item.Id ?? (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}", Hints: hints, Text: text, FullText: fullText, Fetch: fetch);
        }).ToList();
        if (items.Count == 0) return [new IngestItem(feedSource, IngestOutcome.Skipped, Detail: "a feed with no items")];
        // linked articles are fetched side by side (the fetcher keeps to its limit per host) and stored in feed order
        var pages = fetcher is null ? [] : items.Where(x => x.Fetch).ToDictionary(x => x.Source, x => fetcher.GetAsync(x.Source, Known(x.Source), cancel));
        return items.SelectMany(x =>
        {
            if (cancel.IsCancellationRequested) return [];
            if (x.FullText) return [Store(x.Source, Encoding.UTF8.GetBytes(x.Text!), x.Hints)];
            if (pages.TryGetValue(x.Source, out var page)) return Fetched(x.Source, x.Hints, page, feeds: false, cancel);
            if (x.Item.Link is not null && store.FindBySource(x.Source) is { } stored) return [new IngestItem(x.Source, IngestOutcome.AlreadyStored, stored)];
            // no way to the article (no link, or nothing to fetch it with): the feed's own text is what there is
            if (x.Text is not null) return [Store(x.Source, Encoding.UTF8.GetBytes(x.Text), x.Hints)];
            return [Failed(x.Source, fetcher is null ? "the feed gives only a link, and fetching is off" : "a feed item with no text and no web address to fetch")];
        });
    }

    private IEnumerable<IngestItem> Fetch(string url, SourceHints? hints, CancellationToken cancel)
    {
        if (fetcher is null) return [Failed(url, "a web address, and fetching is off")];
        return Fetched(url, hints, fetcher.GetAsync(url, Known(url), cancel), feeds: true, cancel);
    }

    /// <summary>What the server said of the address last time, for a conditional request.</summary>
    private Validators? Known(string url) => store.GetFetchState(url) is { } state ? new Validators(state.ETag, state.LastModified) : null;

    private IEnumerable<IngestItem> Fetched(string url, SourceHints? hints, Task<FetchResult> pending, bool feeds, CancellationToken cancel)
    {
        FetchResult result;
        try { result = pending.GetAwaiter().GetResult(); }
        catch (InputRejectedException e) { return [Failed(url, e.Message)]; }
        catch (OperationCanceledException) { return []; }
        store.SetFetchState(new FetchState(url, result.Validators.ETag, result.Validators.LastModified, result.Status, DateTimeOffset.UtcNow));
        if (result.NotModified) return [new IngestItem(url, IngestOutcome.Unchanged, store.FindBySource(url), "not modified since it was last fetched")];
        var fetched = (hints ?? new SourceHints()) with { Url = result.Url.AbsoluteUri, Charset = result.Charset, MediaType = result.MediaType ?? hints?.MediaType };
        return FromBytes(url, result.Bytes, fetched, feeds, cancel);
    }

    private IngestItem Store(string source, byte[] raw, SourceHints? hints)
    {
        var id = DocumentReader.IdFor(raw);
        if (store.Contains(id))
        {
            store.AddSource(id, source);
            return new IngestItem(source, IngestOutcome.AlreadyStored, id);
        }
        Document doc;
        try { doc = reader.Read(source, raw, hints); }
        catch (InputRejectedException e) { return Failed(source, e.Message); }
        // a fault of ours on one odd article must not cost the rest of the batch; it is named so it can be reported
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Failed(source, $"internal error while reading it ({e.GetType().Name}: {e.Message}); please report it with the file");
        }

        var (copy, of) = Duplicates.Find(store, doc);
        if (copy == Copy.Exact)
        {
            store.AddSource(of!, source);
            return new IngestItem(source, IngestOutcome.Duplicate, of, "same text as " + of);
        }
        if (copy == Copy.Near) doc = doc with { DuplicateOf = of };
        store.Add(doc, raw);
        var replaced = EncodingNote.Replaced(doc.Encoding);
        var warning = replaced == 0 ? null
            : $"{replaced} damaged byte sequence{(replaced == 1 ? "" : "s")} shown as U+FFFD (decoded as {doc.Encoding.Split(';')[0]}; the raw bytes are kept)";
        return copy == Copy.Near
            ? new IngestItem(source, IngestOutcome.NearDuplicate, doc.Id, "near-identical copy of " + of, warning)
            : new IngestItem(source, IngestOutcome.Added, doc.Id, Warning: warning);
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
