using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sitrep.Tests;

public sealed record HttpRequestSeen(string Method, string Path, IReadOnlyDictionary<string, string> Headers);

/// <summary>What the test server answers; <see cref="Silent"/> never answers at all.</summary>
public sealed record HttpAnswer(int Status, string Body = "", string ContentType = "text/html; charset=utf-8", IReadOnlyDictionary<string, string>? Headers = null,
    TimeSpan Delay = default, bool Silent = false, byte[]? Bytes = null)
{
    public static HttpAnswer Ok(string body, string contentType = "text/html; charset=utf-8") => new(200, body, contentType);
    public static HttpAnswer Redirect(string to, int status = 302) => new(status, Headers: new Dictionary<string, string> { ["Location"] = to });
}

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 and a free port, for tests only: each request gets the handler's answer and the
/// connection is closed. It records the requests it saw and the most that were in flight at once.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Func<HttpRequestSeen, HttpAnswer> handler;
    private readonly CancellationTokenSource stop = new();
    private int inFlight;
    public ConcurrentQueue<HttpRequestSeen> Requests { get; } = new();
    public int MostInFlight;

    public LocalHttpServer(Func<HttpRequestSeen, HttpAnswer> handler)
    {
        this.handler = handler;
        listener.Start();
        _ = Task.Run(Accept);
    }

    public string Url(string path) => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}{path}";

    private async Task Accept()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using var _ = client;
        var now = Interlocked.Increment(ref inFlight);
        InterlockedMax(ref MostInFlight, now);
        try
        {
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
            var first = await reader.ReadLineAsync(stop.Token);
            if (first is null) return;
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var line = await reader.ReadLineAsync(stop.Token); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync(stop.Token))
                if (line.IndexOf(':') is var k and > 0) headers[line[..k].Trim()] = line[(k + 1)..].Trim();
            var parts = first.Split(' ');
            var request = new HttpRequestSeen(parts[0], parts.Length > 1 ? parts[1] : "/", headers);
            Requests.Enqueue(request);
            var answer = handler(request);
            if (answer.Silent) { await Task.Delay(Timeout.Infinite, stop.Token); return; }
            if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay, stop.Token);
            var body = answer.Bytes ?? Encoding.UTF8.GetBytes(answer.Body);
            var head = new StringBuilder($"HTTP/1.1 {answer.Status} {Reason(answer.Status)}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n");
            if (answer.Status != 304 && body.Length > 0) head.Append($"Content-Type: {answer.ContentType}\r\n");
            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>()) head.Append($"{name}: {value}\r\n");
            head.Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stop.Token);
            await stream.WriteAsync(body, stop.Token);
            await stream.FlushAsync(stop.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException) { }
        finally { Interlocked.Decrement(ref inFlight); }
    }

    /// <summary>"Not Found" for 404: the enum's name with its words parted.</summary>
    private static string Reason(int status) =>
        string.Concat(((HttpStatusCode)status).ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }
}
