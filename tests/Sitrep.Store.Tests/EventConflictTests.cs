using Sitrep.Core.Events;
using Sitrep.Pipeline.Ingest;
using Sitrep.Store.Sqlite;
using Sitrep.Tests;

namespace Sitrep.Store.Tests;

/// <summary>Two outlets blame the two sides for one attack on a dam; a third reports a strike elsewhere by one side.</summary>
public class EventConflictTests
{
    private const string Kyiv = """
        River Wire

        Dam on the Oskil destroyed

        8 May 2024 09:40

        The Oskil dam near Kupiansk was destroyed on May 7.
        President Volodymyr Zelensky said Russian troops blew up the Oskil dam on May 7.
        """;

    private const string Moscow = """
        Capital Herald

        Ministry blames Kyiv for dam collapse

        8 May 2024 12:00

        Russia's Defence Ministry said Ukrainian forces had shelled the Oskil dam on May 7.
        """;

    private const string Elsewhere = """
        Border Post

        Depot hit in Belgorod

        8 May 2024 15:00

        Ukrainian drones struck a fuel depot in Belgorod on May 7, the regional governor said.
        """;

    private static (SqliteDocumentStore Store, Story Story) Ingested(TempDir dir)
    {
        foreach (var (name, text) in new[] { ("kyiv.txt", Kyiv), ("moscow.txt", Moscow), ("elsewhere.txt", Elsewhere) })
            dir.File("in/" + name, text);
        var store = new SqliteDocumentStore(dir.Combine("s.db"));
        var summary = new IngestJob(store, new IngestOptions(), TestModels.Reader()).Run([dir.Combine("in")], _ => { });
        Assert.Equal(0, summary.Failed);
        return (store, TestModels.Story(store));
    }

    [Fact]
    public void Each_side_blaming_the_other_is_one_event_with_an_actor_conflict_naming_both_claims()
    {
        using var dir = new TempDir();
        var (store, story) = Ingested(dir);
        using var _ = store;
        var name = story.Entities.ToDictionary(e => e.Id, e => e.Name);
        var dam = Assert.Single(story.Events, e => e.Type == "strike" && e.Reports.Count == 2);
        var conflict = Assert.Single(dam.Conflicts, c => c.Field == "actor");
        Assert.Equal(["Russia", "Ukraine"], conflict.Values.Order());
        Assert.Equal(2, conflict.Documents.Distinct().Count());
        // both claims, each with its source
        Assert.Equal(2, conflict.Claims.Distinct().Count());
        var sources = conflict.Claims.Select(id => story.Claims.Single(c => c.Id == id).SourceText).ToList();
        Assert.Contains(sources, s => s!.Contains("Zelensky"));
        Assert.Contains(sources, s => s!.Contains("Defence Ministry"));
        // the strike in Belgorod, by one side in the outlet's own words, stays apart
        var other = Assert.Single(story.Events, e => e.Type == "strike" && e != dam);
        Assert.Equal("Belgorod", name[other.Place!]);
    }

    [Fact]
    public void The_export_writes_targets_and_the_claims_of_each_conflict()
    {
        using var dir = new TempDir();
        var (store, _) = Ingested(dir);
        using var __ = store;
        var path = dir.Combine("out.json");
        using (var f = File.Create(path)) Export.ExportWriter.WriteJson(store, TestModels.Story(store), f, DateTimeOffset.UnixEpoch);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        foreach (var e in json.RootElement.GetProperty("events").EnumerateArray())
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Array, e.GetProperty("targets").ValueKind);
            foreach (var c in e.GetProperty("conflicts").EnumerateArray())
                Assert.Equal(c.GetProperty("documents").GetArrayLength(), c.GetProperty("claims").GetArrayLength());
        }
        Assert.Contains(json.RootElement.GetProperty("events").EnumerateArray(),
            e => e.GetProperty("conflicts").EnumerateArray().Any(c => c.GetProperty("field").GetString() == "actor"));
    }
}
