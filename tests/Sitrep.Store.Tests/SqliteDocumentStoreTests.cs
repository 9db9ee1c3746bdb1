using Sitrep.Core.Claims;
using Sitrep.Core.Events;
using Sitrep.Core.Documents;
using Sitrep.Core.Time;
using Sitrep.Store.Sqlite;
using Sitrep.Tests;

namespace Sitrep.Store.Tests;

public class SqliteDocumentStoreTests
{
    private static Document Doc(string id, string body, string hash = "h", PublicationDate? published = null) => new()
    {
        Id = id, Source = id + ".txt", MediaType = "text/plain", Encoding = "utf-8", Title = "Title " + id, Language = "en",
        Published = published ?? PublicationDate.Unknown, Body = body,
        Cut = [new CutText(0, 5, CutReason.Title, "Title")],
        Fingerprint = new DocumentFingerprint(hash, [1L, 2L, 3L], [5u, 6u]),
    };

    [Fact]
    public void Migrates_once_and_reopens_without_changes()
    {
        using var dir = new TempDir();
        var path = dir.Combine("a.db");
        using (var s = new SqliteDocumentStore(path)) Assert.Equal("ok", s.IntegrityCheck());
        using (var s = new SqliteDocumentStore(path)) Assert.Equal(0, s.Count());
        Assert.Equal(SqliteDocumentStore.SchemaVersion, Migrated(path));
    }

    private static long Migrated(string path)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + path);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM schema_migrations";
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public void Round_trips_every_derived_field()
    {
        using var dir = new TempDir();
        using var s = new SqliteDocumentStore(dir.Combine("a.db"));
        var published = PublicationDate.Between(new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 13), DateSource.Body, "why");
        var doc = Doc("d-1", "Body text", published: published) with
        {
            HeaderDate = new PartialDate(null, 3, 11, 17, 40), Author = "A. Writer", Mentions = [new Mention(new TextSpan(0, 4), "ORG")],
            Times = [new TimeExpression(new TextSpan(5, 9), TimexType.Date, "2025-03", "START")],
            Quantities = [new Quantity(new TextSpan(0, 4), 74, 117, "drone", QuantityModifier.Exact), new Quantity(new TextSpan(5, 9), 60000, null, null, QuantityModifier.Approx, 70000)],
            Claims = [new Claim(new TextSpan(0, 9), new TextSpan(0, 4), "said", Stance.Unverified), new Claim(new TextSpan(0, 9), null, null, Stance.Asserts)],
            Events = [new EventMention("strike", new TextSpan(5, 9), new TextSpan(0, 9), [new TextSpan(0, 4), new TextSpan(0, 2)], new TextSpan(5, 9), null, [new TextSpan(0, 4)], 1)],
        };
        using (var tx = s.Begin()) { s.Add(doc, [1, 2, 3]); tx.Commit(); }
        var back = s.Find("d-1")!;
        Assert.Equal(doc with { Fingerprint = back.Fingerprint, Cut = back.Cut, Mentions = back.Mentions, Times = back.Times, Quantities = back.Quantities, Claims = back.Claims, Events = back.Events }, back);
        Assert.Equal(doc.Claims, back.Claims);
        var e = Assert.Single(back.Events);
        Assert.Equal((doc.Events[0].Type, doc.Events[0].Trigger, doc.Events[0].Place, doc.Events[0].Time, doc.Events[0].Claim), (e.Type, e.Trigger, e.Place, e.Time, e.Claim));
        Assert.Equal(doc.Events[0].Actors, e.Actors);
        Assert.Equal(doc.Events[0].Quantities, e.Quantities);
        Assert.Equal(doc.Quantities, back.Quantities);
        Assert.Equal(doc.Times, back.Times);
        Assert.Equal(doc.Cut, back.Cut);
        Assert.Equal(doc.Mentions, back.Mentions);
        Assert.Equal([new StoredMention("d-1", 0, 4, "ORG", "Body")], s.AllMentions());
        Assert.Equal("h", back.Fingerprint.TextHash);
        Assert.Equal([5u, 6u], s.FindByBandKeys([1L]).Single().Signature!);
        Assert.Equal([1, 2, 3], s.Raw("d-1")!.Bytes);
        Assert.Equal(["d-1"], s.DocumentIds());
        Assert.Equal(["d-1.txt"], s.Sources("d-1"));
    }

    [Fact]
    public void Finds_by_text_hash_band_key_and_unique_id_prefix()
    {
        using var dir = new TempDir();
        using var s = new SqliteDocumentStore(dir.Combine("a.db"));
        using (var tx = s.Begin())
        {
            s.Add(Doc("d-aa1", "one", "h1"), [1]);
            s.Add(Doc("d-aa2", "two", "h2") with { DuplicateOf = "d-aa1" }, [2]);
            tx.Commit();
        }
        Assert.Equal("d-aa1", s.FindByTextHash("h1"));
        Assert.Equal("d-aa1", s.FindByTextHash("h2"));
        Assert.Equal(["d-aa1", "d-aa2"], s.FindByBandKeys([2L, 99L]).Select(c => c.Id));
        Assert.Equal(["d-aa1", "d-aa2"], s.FindByBandKeys([1L, 2L, 99L], minShared: 2).Select(c => c.Id));
        Assert.Empty(s.FindByBandKeys([2L, 99L], minShared: 2));
        Assert.Null(s.Find("d-aa"));
        Assert.Equal("d-aa2", s.Find("d-aa2")!.Id);
    }

    [Fact]
    public void An_uncommitted_transaction_leaves_nothing_behind()
    {
        using var dir = new TempDir();
        using var s = new SqliteDocumentStore(dir.Combine("a.db"));
        using (s.Begin()) s.Add(Doc("d-1", "x"), [1]);
        Assert.Equal(0, s.Count());
        Assert.Empty(s.FindByBandKeys([1L]));
    }

    [Fact]
    public void Updating_a_document_replaces_its_band_keys_and_date()
    {
        using var dir = new TempDir();
        using var s = new SqliteDocumentStore(dir.Combine("a.db"));
        using (var tx = s.Begin())
        {
            s.Add(Doc("d-1", "x"), [1]);
            s.Update(Doc("d-1", "y", "h9") with { Fingerprint = new DocumentFingerprint("h9", [7L]) });
            s.UpdatePublished("d-1", PublicationDate.Exact(new PartialDate(2023, 6, 6), DateSource.Body), [new TimeExpression(new TextSpan(0, 1), TimexType.Date, "2023-06-05")]);
            tx.Commit();
        }
        Assert.Empty(s.FindByBandKeys([1L]));
        Assert.Equal(["d-1"], s.FindByBandKeys([7L]).Select(c => c.Id));
        Assert.Equal("y", s.GetBody("d-1"));
        Assert.Equal([("d-1", new DateOnly(2023, 6, 6))], s.PublicationDays());
        Assert.Empty(s.UndatedDocuments());
        Assert.Equal([new StoredTime("d-1", new TimeExpression(new TextSpan(0, 1), TimexType.Date, "2023-06-05"), "y")], s.AllTimes());
    }
}
