using System.Text;
using Sitrep.Core.Time;
using Sitrep.Pipeline.Ingest;
using Sitrep.Store.Sqlite;
using Sitrep.Tests;

namespace Sitrep.Store.Tests;

public class IngestJobTests
{
    private const string Article = """
        Harbour Gazette

        Grain ship leaves the harbour under naval escort for the first time in months

        14 July 2023 09:30

        A grain ship left the harbour on Friday under naval escort, the port authority said, the first departure since the spring.
        The ship carried 30,000 tonnes of wheat, according to the ministry of agriculture.
        Insurers said cover for further voyages would be decided next week.
        """;

    private static (List<IngestItem> Items, IngestSummary Summary) Run(SqliteDocumentStore store, params string[] inputs)
    {
        var items = new List<IngestItem>();
        var summary = new IngestJob(store, new IngestOptions { MaxBytes = 64 * 1024 }, new DocumentReader(null)).Run(inputs, items.Add);
        return (items, summary);
    }

    [Fact]
    public void A_mixed_folder_stores_the_good_files_and_names_each_bad_one()
    {
        using var dir = new TempDir();
        dir.File("in/good.txt", Article);
        dir.File("in/sub/other.md", Article.Replace("grain ship", "tanker").Replace("Grain ship", "Tanker").Replace("wheat", "oil").Replace("Friday", "Saturday") + "\nA second tanker is due on Monday, officials added.");
        dir.File("in/empty.txt", "");
        dir.File("in/binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D]);
        dir.File("in/latin1.txt", [.. "Caf"u8, 0xE9, .. " au lait, the ship left on Friday at dawn"u8]);
        dir.File("in/huge.txt", new string('x', 70 * 1024));
        dir.File("in/photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0]);
        dir.File("in/feed.xml.txt", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title></channel></rss>");
        using var store = new SqliteDocumentStore(dir.Combine("s.db"));

        var (items, summary) = Run(store, dir.Combine("in"), dir.Combine("missing.txt"));

        Assert.Equal((2, 0, 2, 5), (summary.Added, summary.Duplicates, summary.Skipped, summary.Failed));
        Assert.Equal(2, store.Count());
        string Reason(string name) => items.Single(i => i.Source.EndsWith(name)).Detail!;
        Assert.Contains("empty", Reason("empty.txt"));
        Assert.Contains("binary", Reason("binary.txt"));
        // undeclared Latin text is decoded (as windows-1252); one line holds no article
        Assert.Contains("no article text", Reason("latin1.txt"));
        Assert.Contains("size limit", Reason("huge.txt"));
        Assert.Contains("no such file", Reason("missing.txt"));
        Assert.Contains(".jpg", Reason("photo.jpg"));
        Assert.Contains("a feed with no items", Reason("feed.xml.txt"));
    }

    [Fact]
    public void Web_pages_plain_and_gzipped_are_read_through_the_extractor()
    {
        using var dir = new TempDir();
        var page = """
            <!doctype html><html lang="en"><head><title>Grain ship leaves under escort | Harbour Gazette</title>
            <meta property="og:site_name" content="Harbour Gazette"><meta property="article:published_time" content="2023-07-14T09:30:00Z"></head>
            <body><nav><a href="/">Home</a></nav><article>
            <p>A grain ship left the harbour on Friday under naval escort, the port authority said, the first departure since the spring.</p>
            <p>The ship carried 30,000 tonnes of wheat, according to the ministry of agriculture, and insurers said further voyages would follow.</p>
            </article><footer>All rights reserved.</footer></body></html>
            """;
        dir.File("in/page.html", page);
        using (var gz = new System.IO.Compression.GZipStream(File.Create(dir.Combine("in/other.html.gz")), System.IO.Compression.CompressionLevel.Fastest))
            gz.Write(System.Text.Encoding.UTF8.GetBytes(page.Replace("grain ship", "tanker").Replace("Grain ship", "Tanker").Replace("wheat", "oil")));
        using var store = new SqliteDocumentStore(dir.Combine("s.db"));
        var (items, summary) = Run(store, dir.Combine("in"));
        Assert.True(summary.Failed == 0, string.Join("; ", items.Select(i => i.Detail)));
        var docs = store.Documents().ToList();
        Assert.Equal(2, docs.Count);
        Assert.All(docs, d => Assert.Equal(("text/html", "Harbour Gazette", DateSource.HtmlMeta), (d.MediaType, d.Outlet, d.Published.Source)));
        Assert.Contains(docs, d => d.Body.Contains("30,000 tonnes of oil"));
        Assert.DoesNotContain(docs, d => d.Body.Contains("All rights reserved"));
    }

    [Fact]
    public void A_file_with_damaged_bytes_is_stored_lossily_with_a_warning_and_its_raw_bytes()
    {
        using var dir = new TempDir();
        var bytes = System.Text.Encoding.UTF8.GetBytes(Article);
        // bytes that are no letter in any Latin code page either: damage, not windows-1252
        bytes[Article.IndexOf("wheat", StringComparison.Ordinal)] = 0x80;
        bytes[Article.IndexOf("Insurers", StringComparison.Ordinal)] = 0x90;
        dir.File("in/damaged.txt", bytes);
        using var store = new SqliteDocumentStore(dir.Combine("s.db"));
        var (items, summary) = Run(store, dir.Combine("in"));
        Assert.Equal((1, 0), (summary.Added, summary.Failed));
        Assert.Contains("2 damaged byte sequences", items.Single().Warning);
        var doc = store.Documents().Single();
        Assert.True(doc.DecodedLossily);
        Assert.Contains("\uFFFDheat", doc.Body);
        Assert.Equal(bytes, store.Raw(doc.Id)!.Bytes);
        using var buffer = new MemoryStream();
        Sitrep.Store.Export.ExportWriter.WriteJson(store, TestModels.Story(store), buffer, DateTimeOffset.UnixEpoch);
        using var json = System.Text.Json.JsonDocument.Parse(buffer.ToArray());
        Assert.Equal("lossy", json.RootElement.GetProperty("documents")[0].GetProperty("decoding").GetString());
    }

    [Fact]
    public void Running_the_same_ingest_twice_adds_nothing_and_loses_nothing()
    {
        using var dir = new TempDir();
        dir.File("a.txt", Article);
        using var store = new SqliteDocumentStore(dir.Combine("s.db"));
        Assert.Equal(1, Run(store, dir.Path).Summary.Added);
        var again = Run(store, dir.Path).Summary;
        Assert.Equal((0, 1), (again.Added, again.AlreadyStored));
        Assert.Equal(1, store.Count());
    }

    [Fact]
    public void An_exact_copy_is_not_stored_and_a_syndicated_copy_is_linked_to_the_first()
    {
        using var dir = new TempDir();
        dir.File("1-original.txt", Article);
        dir.File("2-same-text-other-header.txt", Article.Replace("Harbour Gazette", "Coastal Times").Replace("09:30", "11:00"));
        dir.File("3-syndicated.txt", Article.Replace("Harbour Gazette", "River Post") + "\n(Reuters)");
        using var store = new SqliteDocumentStore(dir.Combine("s.db"));

        var (items, summary) = Run(store, dir.Path);

        Assert.Equal((2, 1, 1), (summary.Added, summary.NearDuplicates, summary.Duplicates));
        var original = items[0].DocumentId!;
        Assert.Equal(original, items[1].DocumentId);
        Assert.Equal(original, store.Find(items[2].DocumentId!)!.DuplicateOf);
        Assert.Equal(2, store.Sources(original).Count);
    }

    [Fact]
    public void A_symbolic_link_loop_is_reported_not_followed()
    {
        using var dir = new TempDir();
        dir.File("in/a.txt", Article);
        Directory.CreateSymbolicLink(dir.Combine("in/loop"), dir.Combine("in"));
        using var store = new SqliteDocumentStore(dir.Combine("s.db"));
        var (items, summary) = Run(store, dir.Combine("in"));
        Assert.Equal(1, summary.Added);
        Assert.Contains(items, i => i.Outcome == IngestOutcome.Failed && i.Detail!.Contains("loop"));
    }

    [Fact]
    public void Standard_input_is_one_article()
    {
        using var dir = new TempDir();
        using var store = new SqliteDocumentStore(dir.Combine("s.db"));
        var summary = new IngestJob(store, new IngestOptions(), new DocumentReader(null)).Run(["-"], _ => { }, standardInput: () => new MemoryStream(Encoding.UTF8.GetBytes(Article)));
        Assert.Equal(1, summary.Added);
        Assert.Equal("stdin", store.Documents().Single().Source);
    }

    [Fact]
    public void Articles_without_any_year_are_dated_by_the_rest_of_the_collection()
    {
        using var dir = new TempDir();
        dir.File("1-undated.txt", "Convoy reaches the town after days of waiting at the border\n\nThe convoy left on July 12. On Friday it reached the town, volunteers said on Friday.");
        dir.File("2-dated.txt", Article);
        using var store = new SqliteDocumentStore(dir.Combine("s.db"));
        var summary = Run(store, dir.Path).Summary;
        Assert.Equal(1, summary.DatedFromCollection);
        var undated = store.Documents().First();
        Assert.Equal((new DateOnly(2023, 7, 14), new DateOnly(2023, 7, 15)), (undated.Published.From!.Value, undated.Published.To!.Value));
        Assert.Contains("collection", undated.Published.Note);
    }

    [Fact]
    public void Reprocessing_rederives_everything_and_keeps_ids_and_links()
    {
        using var dir = new TempDir();
        dir.File("1.txt", Article);
        dir.File("2.txt", Article + "\n(Reporting by the desk.)");
        using var store = new SqliteDocumentStore(dir.Combine("s.db"));
        Run(store, dir.Path);
        var before = store.Documents().ToList();
        var summary = Reprocessor.Run(store, new DocumentReader(null));
        var after = store.Documents().ToList();
        Assert.Equal((2, 0, 0), (summary.Documents, summary.Changed, summary.Failed));
        Assert.Equal(before.Select(d => (d.Id, d.Body, d.DuplicateOf, d.Published)), after.Select(d => (d.Id, d.Body, d.DuplicateOf, d.Published)));
        Assert.Equal(before[0].Id, after[1].DuplicateOf);
    }

    [Fact]
    public void A_page_with_more_text_than_an_article_holds_is_refused_and_the_batch_goes_on()
    {
        using var dir = new TempDir();
        var paragraph = "<p>Shelling continued along the border through the night, the governor said, and two villages lost power.</p>\n";
        dir.File("in/dump.html", "<html><body><article>" + string.Concat(Enumerable.Repeat(paragraph, DocumentReader.MaxArticleCharacters / 90)) + "</article></body></html>");
        dir.File("in/good.txt", Article);
        using var store = new SqliteDocumentStore(dir.Combine("s.db"));
        var items = new List<IngestItem>();
        var summary = new IngestJob(store, new IngestOptions(), new DocumentReader(null)).Run([dir.Combine("in")], items.Add);
        Assert.Equal((1, 1), (summary.Added, summary.Failed));
        Assert.Contains("more than an article holds", items.Single(i => i.Source.EndsWith("dump.html")).Detail);
    }
}
