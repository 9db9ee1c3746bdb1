using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sitrep.Core.Events;
using Sitrep.Pipeline.Ingest;
using Sitrep.Pipeline.Show;
using Sitrep.Store;
using Sitrep.Store.Sqlite;
using Sitrep.Tests;
using Sitrep.Text.Entities;

namespace Sitrep.Web.Tests;

/// <summary>
/// The samples with one hostile article (script and an image with onerror in its text), ingested once with the
/// committed models and resolved; each test serves a copy of that database, so writes do not leak between tests.
/// </summary>
public sealed class ServedSamples : IDisposable
{
    public const string HostileTitle = "Shelling reported near Kherson";

    /// <summary>A plain-text article whose words include markup a careless page would run.</summary>
    public const string HostileArticle = """
        Shelling reported near Kherson
        Riverside Courier
        7 June 2023

        Russian forces shelled Kherson on 7 June 2023, regional governor Oleksandr Prokudin said <script>window.__sitrepPwned = 'script'</script> on Telegram.
        Residents described the damage <img src=x onerror="window.__sitrepPwned = 'img'"> as severe, the Courier reported.
        """;

    private readonly TempDir _dir = new();
    public string Database { get; }

    public ServedSamples()
    {
        Database = _dir.Combine("samples.db");
        var inputs = _dir.Combine("inputs");
        Directory.CreateDirectory(inputs);
        foreach (var f in Directory.GetFiles(TestPaths.Samples, "*", SearchOption.AllDirectories)) File.Copy(f, Path.Combine(inputs, Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(inputs, "10-hostile.txt"), HostileArticle);
        using var store = new SqliteDocumentStore(Database);
        var summary = new IngestJob(store, new IngestOptions(), Models.Reader()).Run([inputs], _ => { });
        if (summary.Failed > 0) throw new InvalidOperationException($"{summary.Failed} sample(s) failed to ingest");
        StoredStories.Refresh(store, () => Models.Resolve(store));
    }

    /// <summary>A copy of the samples' database, for one test.</summary>
    public string Copy()
    {
        var path = _dir.Combine($"copy-{Guid.NewGuid():N}.db");
        File.Copy(Database, path);
        return path;
    }

    public static ServeOptions Options(string database, string token = "test-token") => new()
    {
        DatabasePath = database, Port = 0, Token = token, Resolve = Models.Resolve, Reader = Models.Reader(),
    };

    /// <summary>The app on an in-memory test server (Microsoft.AspNetCore.Mvc.Testing's TestHost).</summary>
    public (WebApplication App, HttpClient Client) InMemory(string? token = "test-token")
    {
        var app = SitrepServer.Build(Options(Copy()), b => b.WebHost.UseTestServer());
        app.StartAsync().GetAwaiter().GetResult();
        var client = app.GetTestClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (app, client);
    }

    /// <summary>The app on a real socket (Kestrel, a free port on 127.0.0.1), for the browser; returns its address.</summary>
    public (WebApplication App, string Address) OnSocket()
    {
        var app = SitrepServer.Build(Options(Copy()));
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, address);
    }

    public void Dispose() => _dir.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SamplesCollection : ICollectionFixture<ServedSamples>
{
    public const string Name = "served samples";
}

/// <summary>The committed entity model, word lists, lexicons and gazetteer, loaded once.</summary>
internal static class Models
{
    private static string Repo(params string[] parts) => Path.Combine([TestPaths.RepoRoot, .. parts]);

    private static readonly Lazy<EntityModel> Entities = new(() => EntityModel.Load(Repo("models", "ner.bin")));

    private static readonly Lazy<Lexicon> Lists = new(() =>
    {
        var clusters = Repo("models", "clusters.tsv");
        var lexicon = Lexicon.Load(Repo("data", "lexicon"), Repo("artifacts", "gazetteer", "cities.tsv"), File.Exists(clusters) ? clusters : null);
        lexicon.AddPlaceNames(Sitrep.Resolve.Gazetteer.ExonymNames(Repo("data", "gazetteer")));
        return lexicon;
    });

    private static readonly Lazy<Sitrep.Text.Claims.ClaimLexicon> Claims = new(() => Sitrep.Text.Claims.ClaimLexicon.Load(Repo("data", "claims")));
    private static readonly Lazy<Sitrep.Text.Events.EventLexicon> Events = new(() => Sitrep.Text.Events.EventLexicon.Load(Repo("data", "events")));
    private static readonly Lazy<Sitrep.Resolve.Gazetteer> Places = new(() =>
        Sitrep.Resolve.Gazetteer.Load(Repo("artifacts", "gazetteer", "cities.tsv"), Repo("data", "gazetteer")));

    public static DocumentReader Reader() => new(new EntityRecognizer(Entities.Value, Lists.Value), new Sitrep.Text.Events.EventReader(Claims.Value, Events.Value));

    public static Story Resolve(IDocumentStore store) => Stories.Of(store, Places.Value, Events.Value.Affiliations);
}
