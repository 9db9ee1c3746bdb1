using System.Text.Json;
using Sitrep.Pipeline.Ingest;
using Sitrep.Pipeline.Show;
using Sitrep.Store.Export;
using Sitrep.Store.Sqlite;
using Sitrep.Tests;

namespace Sitrep.Store.Tests;

/// <summary>The README's demo corpus, end to end through ingest, export and the brief.</summary>
public class SamplesTests
{
    private static SqliteDocumentStore Ingested(TempDir dir)
    {
        var store = new SqliteDocumentStore(dir.Combine("s.db"));
        var summary = new IngestJob(store, new IngestOptions(), TestModels.Reader()).Run([TestPaths.Samples], _ => { });
        Assert.Equal(0, summary.Failed);
        return store;
    }

    [Fact]
    public void Every_sample_is_read_with_its_encoding_language_and_date()
    {
        using var dir = new TempDir();
        using var store = Ingested(dir);
        var docs = store.Documents().ToDictionary(d => Path.GetFileName(d.Source));
        Assert.Equal(9, docs.Count);
        Assert.Equal(("windows-1251", "ru"), (docs["07-ru-windows1251.txt"].Encoding, docs["07-ru-windows1251.txt"].Language));
        Assert.Equal(("utf-16le", "uk"), (docs["08-uk-utf16.txt"].Encoding, docs["08-uk-utf16.txt"].Language));
        Assert.Equal("2023-06-06T09:40", docs["01-kyiv-wire.txt"].Published.Value.ToString());
        Assert.Equal(docs["01-kyiv-wire.txt"].Id, docs["03-syndicated.txt"].DuplicateOf);
        Assert.Equal(new DateOnly(2023, 6, 6), docs["04-machine-translated.txt"].Published.From);
        Assert.DoesNotContain("Drone attack reported", docs["01-kyiv-wire.txt"].Body);
        Assert.DoesNotContain("Leave a Reply", docs["06-evening-update.txt"].Body);
        Assert.Equal("Iryna Marchenko", docs["04-machine-translated.txt"].Author);
        // the entity model reads English; it is not let loose on Russian or Ukrainian text
        Assert.Empty(docs["07-ru-windows1251.txt"].Mentions);
        Assert.NotEmpty(docs["01-kyiv-wire.txt"].Mentions);
    }

    [Fact]
    public void The_json_export_has_every_documents_field_of_the_spec()
    {
        using var dir = new TempDir();
        using var store = Ingested(dir);
        using var buffer = new MemoryStream();
        ExportWriter.WriteJson(store, TestModels.Story(store), buffer, DateTimeOffset.UnixEpoch);
        using var json = JsonDocument.Parse(buffer.ToArray());
        var root = json.RootElement;
        Assert.Equal("sitrep-export", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        foreach (var kind in ExportWriter.Kinds) Assert.Equal(JsonValueKind.Array, root.GetProperty(kind).ValueKind);
        string[] fields = ["id", "source", "outlet", "title", "author", "language", "published", "published_precision", "published_range", "published_from", "duplicate_of", "decoding", "body"];
        string[] precisions = ["minute", "hour", "day", "month", "year", "range", "unknown"];
        string[] origins = ["header", "html-meta", "url", "feed", "body", "none"];
        foreach (var d in root.GetProperty("documents").EnumerateArray())
        {
            // the spec's fields, and the one this version adds (the spec allows additions, never renames)
            Assert.Equal(fields.Append("url").Order(), d.EnumerateObject().Select(p => p.Name).Order());
            Assert.Contains(d.GetProperty("published_precision").GetString(), precisions);
            Assert.Contains(d.GetProperty("published_from").GetString(), origins);
            Assert.Equal("exact", d.GetProperty("decoding").GetString());
            var range = d.GetProperty("published_range");
            Assert.Equal(d.GetProperty("published_precision").GetString() == "range", range.ValueKind == JsonValueKind.Array);
        }
    }

    /// <summary>The JSON export of the samples, and each document's body by id.</summary>
    private static (JsonElement Root, Dictionary<string, string> Bodies) Exported()
    {
        using var dir = new TempDir();
        using var store = Ingested(dir);
        using var buffer = new MemoryStream();
        ExportWriter.WriteJson(store, TestModels.Story(store), buffer, DateTimeOffset.UnixEpoch);
        var root = JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
        return (root, root.GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("body").GetString()!));
    }

    /// <summary>Every record's text is exactly the body's characters at its offsets.</summary>
    private static void AssertSpansPointIntoBodies(IEnumerable<JsonElement> records, Dictionary<string, string> bodies)
    {
        foreach (var r in records)
            Assert.Equal(r.GetProperty("text").GetString(), bodies[r.GetProperty("document").GetString()!][r.GetProperty("start").GetInt32()..r.GetProperty("end").GetInt32()]);
    }

    [Fact]
    public void Names_are_exported_as_entities_whose_mentions_point_into_the_bodies()
    {
        var (root, bodies) = Exported();
        var entities = root.GetProperty("entities").EnumerateArray().ToList();
        // the samples name Kherson region and a bare "Kherson" in a flood story: placed in Ukraine, whichever is meant
        var kherson = entities.First(e => e.GetProperty("name").GetString()!.StartsWith("Kherson", StringComparison.Ordinal)
                                          && e.TryGetProperty("geo", out var g) && g.ValueKind == JsonValueKind.Object);
        Assert.Equal("UA", kherson.GetProperty("geo").GetProperty("country").GetString());
        Assert.Contains(entities, e => e.GetProperty("type").GetString() == "PER" && e.GetProperty("name").GetString() == "Dmitry Peskov");
        Assert.Contains(entities, e => e.GetProperty("type").GetString() == "LOC" && e.GetProperty("name").GetString() == "Kherson region");
        AssertSpansPointIntoBodies(entities.SelectMany(e => e.GetProperty("mentions").EnumerateArray()), bodies);
    }

    [Fact]
    public void Times_and_quantities_are_exported_with_spans_into_the_bodies()
    {
        var (root, bodies) = Exported();
        var times = root.GetProperty("times").EnumerateArray().ToList();
        // "on Tuesday" in the Kremlin article of 2023-06-06 (a Tuesday) is that day; "Zelensky visited Kherson region on June 8" in an article of June 7
        Assert.Contains(times, t => t.GetProperty("text").GetString() == "Tuesday" && t.GetProperty("value").GetString() == "2023-06-06");
        Assert.Contains(times, t => t.GetProperty("text").GetString() == "June 8" && t.GetProperty("value").GetString() == "2023-06-08");
        var quantities = root.GetProperty("quantities").EnumerateArray().ToList();
        Assert.Contains(quantities, q => q.GetProperty("text").GetString() == "about 1,300 people" && q.GetProperty("value").GetDouble() == 1300
                                          && q.GetProperty("unit").GetString() == "person" && q.GetProperty("modifier").GetString() == "approx");
        AssertSpansPointIntoBodies(times.Concat(quantities), bodies);
    }

    [Fact]
    public void Claims_and_events_in_the_export_keep_the_contract()
    {
        var (root, bodies) = Exported();
        var entityIds = root.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToHashSet();
        var claims = root.GetProperty("claims").EnumerateArray().ToList();
        Assert.NotEmpty(claims);
        string[] stances = ["asserts", "denies", "confirms", "unverified", "hedged"];
        foreach (var c in claims)
        {
            foreach (var key in new[] { "id", "document", "start", "end", "text", "source", "source_text", "cue", "stance" }) Assert.True(c.TryGetProperty(key, out _), key);
            Assert.Contains(c.GetProperty("stance").GetString(), stances);
            if (c.GetProperty("source").GetString() is { } source) Assert.Contains(source, entityIds);
        }
        AssertSpansPointIntoBodies(claims, bodies);
        var claimIds = claims.Select(c => c.GetProperty("id").GetString()).ToHashSet();
        var events = root.GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(events);
        string[] statuses = ["claimed", "confirmed", "denied", "disputed", "reported"];
        foreach (var e in events)
        {
            foreach (var key in new[] { "id", "type", "date", "date_precision", "date_from", "place", "actors", "targets", "summary", "quantities", "status", "reports",
                         "conflicts" })
                Assert.True(e.TryGetProperty(key, out _), key);
            foreach (var c in e.GetProperty("conflicts").EnumerateArray())
                Assert.All(c.GetProperty("claims").EnumerateArray(), claim => Assert.Contains(claim.GetString(), claimIds));
            Assert.True(Sitrep.Core.Events.EventTypes.IsKnown(e.GetProperty("type").GetString()!));
            Assert.Contains(e.GetProperty("status").GetString(), statuses);
            Assert.Contains(e.GetProperty("date_from").GetString(), new[] { "text", "published" });
            if (e.GetProperty("place").GetString() is { } place) Assert.Contains(place, entityIds);
            foreach (var r in e.GetProperty("reports").EnumerateArray())
            {
                Assert.Contains(r.GetProperty("claim").GetString(), claimIds);
                Assert.True(r.GetProperty("end").GetInt32() <= bodies[r.GetProperty("document").GetString()!].Length);
            }
        }
        // the sample corpus is about the dam: its flooding forced evacuations that several articles report
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "evacuation");
        // Kyiv blames Russian troops for the dam, Moscow blames Ukraine: one strike, its doer disputed
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "strike"
            && e.GetProperty("conflicts").EnumerateArray().Any(c => c.GetProperty("field").GetString() == "actor"));
    }

    [Fact]
    public void Jsonl_and_csv_exports_carry_the_same_documents()
    {
        using var dir = new TempDir();
        using var store = Ingested(dir);
        using var buffer = new MemoryStream();
        ExportWriter.WriteJsonLines(store, TestModels.Story(store), buffer, DateTimeOffset.UnixEpoch);
        var lines = System.Text.Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("header", JsonDocument.Parse(lines[0]).RootElement.GetProperty("kind").GetString());
        Assert.Equal(9, lines.Skip(1).Count(l => JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString() == "document"));

        var files = ExportWriter.WriteCsv(store, TestModels.Story(store), dir.Combine("csv"));
        Assert.Equal(["documents.csv", "entities.csv", "mentions.csv", "times.csv", "quantities.csv", "claims.csv", "events.csv", "event_reports.csv", "event_conflicts.csv"], files.Select(Path.GetFileName));
        var csv = File.ReadAllText(dir.Combine("csv/documents.csv"));
        Assert.StartsWith("id,source,outlet,title", csv);
        Assert.Contains("\"Kremlin blames Kyiv for \"\"sabotage\"\" at Novaya Kakhovka dam\"", csv);
    }

    [Fact]
    public void The_brief_lists_articles_names_and_a_timeline()
    {
        using var dir = new TempDir();
        using var store = Ingested(dir);
        var w = new StringWriter();
        BriefWriter.Write(store, TestModels.Story(store), w, DateTimeOffset.UnixEpoch);
        var brief = w.ToString();
        Assert.Contains("9 articles (1 syndicated copy)", brief);
        Assert.Contains("## People", brief);
        Assert.Contains("| Oleksandr Prokudin |", brief);
        Assert.Contains("| Kherson |", brief);
        Assert.Contains("### 2023-06-06", brief);
        Assert.Contains("### 2023-06-08", brief);
        Assert.True(brief.IndexOf("### 2023-06-06", StringComparison.Ordinal) < brief.IndexOf("### 2023-06-08", StringComparison.Ordinal));
    }
}
