using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace Sitrep.Ingest.Web;

public sealed record FetchOptions
{
    /// <summary>For one attempt, from connecting to the last byte of the body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
    public long MaxBytes { get; init; } = 50L * 1024 * 1024;
    public int MaxRedirects { get; init; } = 5;
    /// <summary>Requests in flight to one host at a time: a polite reader does not hammer a site.</summary>
    public int PerHost { get; init; } = 2;
    /// <summary>Attempts after the first when the server says 429 or 5xx, or the connection fails.</summary>
    public int Retries { get; init; } = 3;
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>The longest wait between attempts, whatever a Retry-After asks for.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
    public string UserAgent { get; init; } = "Sitrep/1.0 (news reader for analysts; one fetch per article, at most 2 at a time per site)";
}

/// <summary>What a server said last time, so the next request can ask "only if it changed".</summary>
public sealed record Validators(string? ETag, string? LastModified)
{
    public bool IsEmpty => ETag is null && LastModified is null;
}

/// <summary>A fetched resource (after redirects), or word that it has not changed since <see cref="Validators"/> were taken.</summary>
public sealed record FetchResult(Uri Url, int Status, byte[] Bytes, string? MediaType, string? Charset, Validators Validators)
{
    public bool NotModified => Status == (int)HttpStatusCode.NotModified;
}

/// <summary>
/// Fetches http and https resources politely and defensively: a clear User-Agent, at most <see cref="FetchOptions.PerHost"/>
/// requests per host at a time, redirects followed by hand (limit and loop detection), a time limit and a size limit per
/// attempt, retries with exponential back-off (or the server's Retry-After) on 429 and 5xx, and conditional requests.
/// Every failure is an <see cref="InputRejectedException"/> that says what went wrong in words a user can act on.
/// </summary>
public sealed class Fetcher : IDisposable
{
    private static readonly HashSet<string> Readable = new(StringComparer.OrdinalIgnoreCase)
    {
        "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "application/rss+xml", "application/atom+xml", "application/rdf+xml",
        "application/xml", "text/xml", "application/feed+json",
    };

    private readonly FetchOptions options;
    private readonly HttpClient http;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> hosts = new(StringComparer.OrdinalIgnoreCase);

    public Fetcher(FetchOptions? options = null)
    {
        this.options = options ?? new FetchOptions();
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = this.options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(this.options.UserAgent);
        http.DefaultRequestHeaders.Accept.ParseAdd("text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.1");
    }

    public static bool IsUrl(string s) => s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>A web address Sitrep reads; otherwise the reason it does not.</summary>
    public static Uri Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw new InputRejectedException("not a valid web address");
        if (uri.Scheme is not ("http" or "https")) throw new InputRejectedException($"only http and https addresses are fetched, not {uri.Scheme}:");
        return uri;
    }

    public FetchResult Get(string url, Validators? known = null, CancellationToken cancel = default) => GetAsync(url, known, cancel).GetAwaiter().GetResult();

    public async Task<FetchResult> GetAsync(string url, Validators? known = null, CancellationToken cancel = default)
    {
        var uri = Parse(url);
        var visited = new List<Uri> { uri };
        while (true)
        {
            var (status, location, result) = await WithRetries(uri, known, cancel);
            if (location is null) return result!;
            if (visited.Count > options.MaxRedirects) throw new InputRejectedException($"more than {options.MaxRedirects} redirects");
            var next = new Uri(uri, location);
            if (next.Scheme is not ("http" or "https")) throw new InputRejectedException($"redirected ({status}) to {next.Scheme}:, which is not fetched");
            if (visited.Contains(next)) throw new InputRejectedException($"redirect loop ({string.Join(" → ", visited.Append(next))})");
            visited.Add(next);
            uri = next;
        }
    }

    private async Task<(int Status, string? Location, FetchResult? Result)> WithRetries(Uri uri, Validators? known, CancellationToken cancel)
    {
        for (var attempt = 0; ; attempt++)
        {
            TimeSpan? wait;
            string problem;
            try
            {
                var (status, location, result, retryAfter) = await Once(uri, known, cancel);
                if (!IsRetryable(status)) return (status, location, result);
                wait = retryAfter;
                problem = $"HTTP {status}";
            }
            catch (HttpRequestException e)
            {
                wait = null;
                problem = "connection failed: " + (e.InnerException?.Message ?? e.Message);
            }
            if (attempt >= options.Retries) throw new InputRejectedException($"{problem} after {attempt + 1} attempts");
            var backoff = options.FirstBackoff * Math.Pow(2, attempt);
            var delay = wait ?? backoff;
            await Task.Delay(delay < options.MaxBackoff ? delay : options.MaxBackoff, cancel);
        }
    }

    private static bool IsRetryable(int status) => status is 429 or 500 or 502 or 503 or 504;

    private async Task<(int Status, string? Location, FetchResult? Result, TimeSpan? RetryAfter)> Once(Uri uri, Validators? known, CancellationToken cancel)
    {
        var gate = hosts.GetOrAdd(uri.Authority, _ => new SemaphoreSlim(options.PerHost));
        await gate.WaitAsync(cancel);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (known?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
            if (known?.LastModified is { } lm && DateTimeOffset.TryParse(lm, out var since)) request.Headers.IfModifiedSince = since;
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && status != 304)
                return (status, response.Headers.Location?.OriginalString ?? throw new InputRejectedException($"HTTP {status} redirect without a Location"), null, null);
            if (IsRetryable(status)) return (status, null, null, RetryAfter(response));
            var validators = new Validators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
            if (status == 304) return (status, null, new FetchResult(uri, status, [], null, null, known ?? validators), null);
            if (status is < 200 or >= 300) throw new InputRejectedException($"HTTP {status} {response.ReasonPhrase}".TrimEnd());
            var type = response.Content.Headers.ContentType;
            if (type?.MediaType is { } media && !Readable.Contains(media)) throw new InputRejectedException($"not a web page or feed (content type {media})");
            if (response.Content.Headers.ContentLength is { } length && length > options.MaxBytes)
                throw new InputRejectedException($"larger than the size limit ({length / 1048576.0:0.#} MB > {options.MaxBytes / 1048576.0:0.#} MB)");
            var bytes = await ReadLimited(await response.Content.ReadAsStreamAsync(timeout.Token), timeout.Token);
            return (status, null, new FetchResult(uri, status, bytes, type?.MediaType, type?.CharSet, validators), null);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw new InputRejectedException($"no answer within {options.Timeout.TotalSeconds:0.#} s");
        }
        finally
        {
            gate.Release();
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        return null;
    }

    private async Task<byte[]> ReadLimited(Stream body, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await body.ReadAsync(chunk, cancel)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > options.MaxBytes) throw new InputRejectedException($"larger than the size limit ({options.MaxBytes / 1048576.0:0.#} MB)");
        }
        return buffer.ToArray();
    }

    public void Dispose()
    {
        http.Dispose();
        foreach (var gate in hosts.Values) gate.Dispose();
    }
}
