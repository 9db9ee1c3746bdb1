using Sitrep.Pipeline.Ingest;
using Sitrep.Tests;
using Sitrep.Text.Entities;

namespace Sitrep.Store.Tests;

/// <summary>The committed entity model, loaded once for the tests that read whole articles.</summary>
internal static class TestModels
{
    private static readonly Lazy<EntityModel> Entities = new(() => EntityModel.Load(Path.Combine(TestPaths.RepoRoot, "models", "ner.bin")));

    private static readonly Lazy<Lexicon> Lists = new(() =>
    {
        var clusters = Path.Combine(TestPaths.RepoRoot, "models", "clusters.tsv");
        return Lexicon.Load(Path.Combine(TestPaths.RepoRoot, "data", "lexicon"), Path.Combine(TestPaths.RepoRoot, "artifacts", "gazetteer", "cities.tsv"),
            File.Exists(clusters) ? clusters : null);
    });

    private static readonly Lazy<Sitrep.Text.Claims.ClaimLexicon> Claims = new(() => Sitrep.Text.Claims.ClaimLexicon.Load(Path.Combine(TestPaths.RepoRoot, "data", "claims")));
    private static readonly Lazy<Sitrep.Text.Events.EventLexicon> Events = new(() => Sitrep.Text.Events.EventLexicon.Load(Path.Combine(TestPaths.RepoRoot, "data", "events")));

    /// <summary>A reader of its own (readers keep buffers; tests run in parallel) over the shared models.</summary>
    public static DocumentReader Reader() => new(new EntityRecognizer(Entities.Value, Lists.Value), new Sitrep.Text.Events.EventReader(Claims.Value, Events.Value));

    /// <summary>The store resolved into entities (on the map), claims and events.</summary>
    public static Sitrep.Core.Events.Story Story(IDocumentStore store) => Sitrep.Pipeline.Show.Stories.Of(store, Gazetteer(), Events.Value.Affiliations);

    private static readonly Lazy<Sitrep.Resolve.Gazetteer> Places = new(() =>
        Sitrep.Resolve.Gazetteer.Load(Path.Combine(TestPaths.RepoRoot, "artifacts", "gazetteer", "cities.tsv"), Path.Combine(TestPaths.RepoRoot, "data", "gazetteer")));

    /// <summary>GeoNames' cities as the build writes them, with the team's tables.</summary>
    public static Sitrep.Resolve.Gazetteer Gazetteer() => Places.Value;
}
