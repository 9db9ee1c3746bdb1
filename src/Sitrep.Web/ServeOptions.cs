using Sitrep.Core.Events;
using Sitrep.Ingest.Web;
using Sitrep.Pipeline.Ingest;
using Sitrep.Store;

namespace Sitrep.Web;

/// <summary>What the server needs: the database, where to listen, the write token, and the pipeline it runs on writes.</summary>
public sealed record ServeOptions
{
    public required string DatabasePath { get; init; }
    /// <summary>The address to bind; 127.0.0.1 unless the user asks for another.</summary>
    public string Host { get; init; } = "127.0.0.1";
    /// <summary>0 lets the system pick a free port (tests).</summary>
    public int Port { get; init; } = 8080;
    /// <summary>Every write (POST) must carry it, as "Authorization: Bearer TOKEN".</summary>
    public required string Token { get; init; }
    /// <summary>The folder of the web UI; by default the wwwroot beside the program.</summary>
    public string StaticRoot { get; init; } = Path.Combine(AppContext.BaseDirectory, "wwwroot");
    /// <summary>Largest request body accepted; an article posted as text or HTML fits well under it.</summary>
    public long MaxRequestBytes { get; init; } = 4L << 20;
    /// <summary>Resolves the whole store (entities on the map, claims, events); run after each write.</summary>
    public required Func<IDocumentStore, Story> Resolve { get; init; }
    /// <summary>Reads posted articles; without it POST /api/documents answers 503.</summary>
    public DocumentReader? Reader { get; init; }
    /// <summary>Fetches posted URLs; without it a posted URL is refused.</summary>
    public Fetcher? Fetcher { get; init; }
}
