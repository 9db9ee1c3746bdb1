using System.Net;
using System.Net.Sockets;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Sitrep.Pipeline.Show;
using Sitrep.Web.Api;

namespace Sitrep.Web;

/// <summary>
/// The HTTP server: the JSON API under /api (documented at /openapi.json) and the web UI's static files. Reads open the
/// database per request and read the stored resolution; writes need the token and run one at a time.
/// </summary>
public static class SitrepServer
{
    /// <param name="configure">A last say over the builder (tests put a test server in).</param>
    public static WebApplication Build(ServeOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://{HostForUrl(options.Host)}:{options.Port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        builder.Services.ConfigureHttpJsonOptions(j => j.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Sitrep";
            document.Info.Description = "Events, entities, claims and articles resolved from the news. Writes need 'Authorization: Bearer TOKEN'.";
            return Task.CompletedTask;
        }));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseSecurity(options);
        app.MapOpenApi("/openapi.json");
        var api = app.MapGroup("/api");
        api.MapReads(options);
        api.MapWrites(options);
        api.MapFallback(() => Results.NotFound(new ProblemView("no such API path")));

        // PhysicalFileProvider serves nothing outside its root (no '..', no absolute paths) and no dot-files
        var files = new PhysicalFileProvider(Path.GetFullPath(options.StaticRoot));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }

    /// <summary>Brings the stored resolution up to date before serving (another process may have ingested since).</summary>
    public static void Prepare(ServeOptions options)
    {
        using var store = ReadEndpoints.Open(options);
        StoredStories.EnsureCurrent(store, () => options.Resolve(store));
    }

    private static string HostForUrl(string host) =>
        IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]" : host;
}
