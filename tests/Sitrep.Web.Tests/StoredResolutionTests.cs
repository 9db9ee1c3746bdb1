using Sitrep.Core.Entities;
using Sitrep.Pipeline.Ingest;
using Sitrep.Pipeline.Show;
using Sitrep.Store.Sqlite;

namespace Sitrep.Web.Tests;

/// <summary>The stored resolution is the resolvers' answer, kept: the same events, claims and entities, and current only while the inputs are unchanged.</summary>
[Collection(SamplesCollection.Name)]
public sealed class StoredResolutionTests(ServedSamples samples)
{
    [Fact]
    public void What_is_stored_is_what_the_resolvers_give()
    {
        using var store = new SqliteDocumentStore(samples.Copy());
        Assert.True(store.ResolutionCurrent());
        var stored = store.LoadStory();
        var fresh = Models.Resolve(store);
        Assert.Equal(fresh.Events.Select(e => (e.Id, e.Type, e.Place, e.Status, e.Reports.Count, e.Conflicts.Count)),
            stored.Events.Select(e => (e.Id, e.Type, e.Place, e.Status, e.Reports.Count, e.Conflicts.Count)));
        Assert.Equal(fresh.Events.SelectMany(e => e.Reports), stored.Events.SelectMany(e => e.Reports));
        Assert.Equal(fresh.Claims.Select(c => (c.Id, c.Claim, c.Text, c.SourceEntity)), stored.Claims.Select(c => (c.Id, c.Claim, c.Text, c.SourceEntity)));
        Assert.Equal(fresh.Entities.Select(e => (e.Id, e.Name, string.Join("|", e.Aliases), e.Mentions.Count, e.Geo)),
            stored.Entities.Select(e => (e.Id, e.Name, string.Join("|", e.Aliases), e.Mentions.Count, e.Geo)));
    }

    [Fact]
    public void A_correction_makes_it_stale_and_survives_reprocess()
    {
        using var store = new SqliteDocumentStore(samples.Copy());
        using (var tx = store.Begin())
        {
            store.AddCorrection(new EntityCorrection(CorrectionKind.Merge, "Kherson region", "Novaya Kakhovka"));
            tx.Commit();
        }
        Assert.False(store.ResolutionCurrent());
        Assert.True(StoredStories.EnsureCurrent(store, () => Models.Resolve(store)));
        Assert.True(store.ResolutionCurrent());
        Assert.False(StoredStories.EnsureCurrent(store, () => throw new InvalidOperationException("resolved again though nothing changed")));
        string[] Together() => [.. store.EntitiesNamed("Novaya Kakhovka", key: null).Intersect(store.EntitiesNamed("Kherson region", key: null))];
        Assert.Single(Together());

        Reprocessor.Run(store, Models.Reader(), (_, _) => { });
        Assert.False(store.ResolutionCurrent());
        StoredStories.EnsureCurrent(store, () => Models.Resolve(store));
        Assert.Single(Together());
    }

    [Fact]
    public void Queries_read_the_tables_through_their_filters()
    {
        using var store = new SqliteDocumentStore(samples.Copy());
        var all = store.Events(new Sitrep.Store.EventQuery());
        var kherson = store.EntitiesNamed("Kherson", Sitrep.Resolve.NameKey.Of("Kherson"));
        var atKherson = store.Events(new Sitrep.Store.EventQuery { Places = kherson });
        Assert.Equal(all.Items.Where(e => e.Place is not null && kherson.Contains(e.Place)).Select(e => e.Id), atKherson.Items.Select(e => e.Id));
        var page = store.Events(new Sitrep.Store.EventQuery { Offset = 1, Limit = 3 });
        Assert.Equal(all.Items.Skip(1).Take(3).Select(e => e.Id), page.Items.Select(e => e.Id));
        Assert.Equal(all.Total, page.Total);
        // words that are FTS5 operators or syntax are searched as words, never run
        Assert.Equal(0, store.Events(new Sitrep.Store.EventQuery { Text = "\"zzqx NEAR(* OR) -zzqy" }).Total);
        Assert.True(store.SearchDocuments("Kakhovka dam", 0, 10).Total > 0);
    }
}
