using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Tests;

namespace Sitrep.Cli.Tests;

public class CliTests
{
    private const string Article = "Border Post\n\nFerry service resumes between the two ports after a month of storms\n\n2 October 2023\n\nThe ferry resumed on Monday, the operator said.";

    [Fact]
    public void A_mixed_folder_stores_the_good_names_the_bad_and_exits_3()
    {
        using var dir = new TempDir();
        dir.File("in/good.txt", Article);
        dir.File("in/empty.txt", "");
        dir.File("in/image.txt", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46]);
        var (exit, _, err) = SitrepProcess.Run(dir.Path, "ingest", "in", "--db", "s.db");
        Assert.True(exit == 3, err);
        Assert.Contains("failed: " + Path.Combine("in", "empty.txt") + ": empty file", err);
        Assert.Contains("failed: " + Path.Combine("in", "image.txt") + ": binary file", err);
        Assert.Contains("added 1", err);
        Assert.Contains("failed 2", err);
        Assert.DoesNotContain("   at ", err);

        var (again, _, err2) = SitrepProcess.Run(dir.Path, "ingest", Path.Combine("in", "good.txt"), "--db", "s.db");
        Assert.Equal(0, again);
        Assert.Contains("added 0", err2);
    }

    [Fact]
    public void The_store_records_which_entity_model_read_a_document()
    {
        using var dir = new TempDir();
        dir.File("in/good.txt", Article + "\n\nThe operator said that the service between the two ports would run every day until the end of the "
            + "month, and that passengers who had booked tickets before the storms would be able to use them on any of the new crossings.");
        var (exit, _, err) = SitrepProcess.Run(dir.Path, "ingest", "in", "--fast", "--db", "s.db");
        Assert.True(exit == 0, err);
        var list = JsonDocument.Parse(SitrepProcess.Run(dir.Path, "documents", "--json", "--db", "s.db").Out).RootElement;
        var shown = SitrepProcess.Run(dir.Path, "show", list[0].GetProperty("id").GetString()!, "--db", "s.db").Out;
        Assert.Contains("names by    the perceptron entity model", shown);
    }

    private static string Feed(int items) => "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Wire</title>" + string.Concat(Enumerable.Range(1, items).Select(i =>
        $"<item><title>Ferry {i}</title><link>https://harbour.example/{i}</link><pubDate>Mon, 02 Oct 2023 0{i}:00:00 GMT</pubDate><description><![CDATA[" +
        string.Concat(Enumerable.Repeat($"<p>The ferry number {i} resumed service on Monday between the two ports after a month of storms, the operator said.</p>", 8)) +
        "]]></description></item>")) + "</channel></rss>";

    [Fact]
    public void Watch_polls_a_feed_and_ctrl_c_stops_it_with_everything_kept()
    {
        var items = 1;
        using var server = new LocalHttpServer(_ => new HttpAnswer(200, Feed(Volatile.Read(ref items)), "application/rss+xml"));
        using var dir = new TempDir();
        var psi = SitrepProcess.StartInfo(dir.Path, "watch", server.Url("/feed.xml"), "--every", "0.02", "--db", "s.db");
        using var p = Process.Start(psi)!;
        var lines = new List<string>();
        string? line;
        while ((line = p.StandardError.ReadLine()) is not null)
        {
            lines.Add(line);
            if (line.Contains("round 1:")) Interlocked.Exchange(ref items, 2);
            if (line.Contains("round 3:")) break;
        }
        using (var kill = Process.Start("kill", ["-INT", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        var rest = p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(30)), string.Join('\n', lines));
        Assert.True(p.ExitCode == 0, string.Join('\n', lines) + rest);
        Assert.Contains(lines, l => l.Contains("round 1: added 1"));
        Assert.Contains(lines, l => l.Contains("round 2: added 1"));
        Assert.Contains(lines, l => l.Contains("round 3: added 0"));
        Assert.Contains("stopping", rest);
        var list = JsonDocument.Parse(SitrepProcess.Run(dir.Path, "documents", "--json", "--db", "s.db").Out).RootElement;
        Assert.Equal(2, list.GetArrayLength());
        // the feed's item date and link, kept with the article
        var shown = SitrepProcess.Run(dir.Path, "show", list[0].GetProperty("id").GetString()!, "--db", "s.db").Out;
        Assert.Contains("url         https://harbour.example/1", shown);
        Assert.Contains("2023-10-02T01:00, from feed", shown);
    }

    [Fact]
    public void Every_command_has_help_with_an_example()
    {
        using var dir = new TempDir();
        foreach (var command in new[] { "ingest", "watch", "documents", "show", "export", "report", "reprocess", "entity", "extract" })
        {
            var (exit, output, _) = SitrepProcess.Run(dir.Path, command, "--help");
            Assert.Equal(0, exit);
            Assert.Contains("Example", output);
            Assert.Contains("sitrep " + command, output);
        }
    }

    [Fact]
    public void Lists_shows_exports_and_reports_what_was_ingested()
    {
        using var dir = new TempDir();
        var (exit, _, _) = SitrepProcess.RunWithInput(dir.Path, Article, "ingest", "-", "--db", "s.db");
        Assert.Equal(0, exit);

        var list = JsonDocument.Parse(SitrepProcess.Run(dir.Path, "documents", "--json", "--db", "s.db").Out).RootElement;
        var id = list[0].GetProperty("id").GetString()!;
        Assert.Equal("Border Post", list[0].GetProperty("outlet").GetString());
        Assert.Equal("2023-10-02", list[0].GetProperty("published").GetString());

        var shown = SitrepProcess.Run(dir.Path, "show", id[..6], "--db", "s.db");
        Assert.Equal(0, shown.Exit);
        Assert.Contains("The ferry resumed on Monday", shown.Out);
        Assert.Contains("[Outlet] Border Post", shown.Out);

        Assert.Equal(0, SitrepProcess.Run(dir.Path, "export", "--format", "json", "--out", "x.json", "--db", "s.db").Exit);
        var export = JsonDocument.Parse(File.ReadAllText(dir.Combine("x.json"))).RootElement;
        Assert.Equal(id, export.GetProperty("documents")[0].GetProperty("id").GetString());

        Assert.Equal(0, SitrepProcess.Run(dir.Path, "report", "--out", "brief.md", "--db", "s.db").Exit);
        Assert.Contains("Ferry service resumes", File.ReadAllText(dir.Combine("brief.md")));

        var missing = SitrepProcess.Run(dir.Path, "show", "d-nothing", "--db", "s.db");
        Assert.Equal(1, missing.Exit);
        Assert.Contains("no document matches", missing.Err);
    }

    [Fact]
    public void A_users_entity_merge_survives_reprocessing()
    {
        using var dir = new TempDir();
        // two places the machine rightly keeps apart; the user joins them (say, as one front sector), and that sticks
        dir.File("a.txt", "Shelling continues in the south as the river rises\n\nRussian forces shelled Kherson overnight, the regional governor said.");
        dir.File("b.txt", "Evacuation trains leave the port city after the flood\n\nTrains left Mykolaiv on Monday with 900 evacuees, officials said.");
        Assert.Equal(0, SitrepProcess.Run(dir.Path, "ingest", ".", "--db", "s.db").Exit);
        var merge = SitrepProcess.Run(dir.Path, "entity", "merge", "Kherson", "Mykolaiv", "--db", "s.db");
        Assert.True(merge.Exit == 0, merge.Err);
        Assert.Equal(0, SitrepProcess.Run(dir.Path, "reprocess", "--db", "s.db").Exit);
        var shown = SitrepProcess.Run(dir.Path, "entity", "Mykolaiv", "--json", "--db", "s.db");
        var aliases = JsonDocument.Parse(shown.Out).RootElement[0].GetProperty("aliases").EnumerateArray().Select(a => a.GetProperty("alias").GetString()).ToList();
        Assert.Equal(["Kherson", "Mykolaiv"], aliases.Order());
        Assert.Equal(1, SitrepProcess.Run(dir.Path, "entity", "merge", "Kherson", "Nobody Anywhere", "--db", "s.db").Exit);
    }

    [Fact]
    public void An_imported_country_dump_places_villages_the_cities_list_lacks()
    {
        using var dir = new TempDir();
        // two rows in GeoNames' nineteen-column dump format, written for this test
        string[] rows =
        [
            "9990001\tZaoleshenka\tZaoleshenka\tЗаолешенка,Zaoleshenka\t51.2400\t35.2300\tP\tPPL\tRU\t\t41\t\t\t\t300\t\t180\tEurope/Moscow\t2024-01-01",
            "9990002\tBasivka\tBasivka\tБасівка\t51.0400\t35.0600\tP\tPPL\tUA\t\t21\t\t\t\t400\t\t170\tEurope/Kyiv\t2024-01-01",
        ];
        dir.File("RU-sample.txt", string.Join('\n', rows) + "\n");
        dir.File("not-a-dump.txt", "This is an article, not a gazetteer.\n");
        dir.File("a.txt", "Russian troops advance north of the border town\n\nRussian forces advanced into Zaoleshenka and towards Basivka, the Russian Defence Ministry said on Wednesday.");
        Assert.Equal(0, SitrepProcess.Run(dir.Path, "ingest", "a.txt", "--db", "s.db").Exit);

        var bad = SitrepProcess.Run(dir.Path, "gazetteer", "import", "not-a-dump.txt", "--db", "s.db");
        Assert.Equal(1, bad.Exit);
        Assert.Contains("not-a-dump.txt", bad.Err);
        var import = SitrepProcess.Run(dir.Path, "gazetteer", "import", "RU-sample.txt", "--db", "s.db");
        Assert.True(import.Exit == 0, import.Err);
        Assert.Contains("imported 2 places", import.Err);

        Assert.Equal(0, SitrepProcess.Run(dir.Path, "export", "--out", "x.json", "--db", "s.db").Exit);
        var places = JsonDocument.Parse(File.ReadAllText(dir.Combine("x.json"))).RootElement.GetProperty("entities").EnumerateArray()
            .Where(e => e.GetProperty("geo").ValueKind == JsonValueKind.Object).ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("geo"));
        Assert.Equal("geonames:9990001", places["Zaoleshenka"].GetProperty("ref").GetString());
    }

    [Fact]
    public void Extract_prints_a_page_and_batches_a_folder_into_one_json_file()
    {
        using var dir = new TempDir();
        const string page = "<html><head><title>Ferry resumes | Border Post</title><meta property=\"og:site_name\" content=\"Border Post\"></head><body><nav>Home</nav>"
                            + "<article><p>The ferry resumed on Monday after a month of storms, the operator said, with the first crossing at dawn.</p>"
                            + "<p>Passengers said the crossing was calm and that the timetable would return to normal within a week.</p></article></body></html>";
        dir.File("pages/a.html", page);
        dir.File("pages/b.html", page.Replace("ferry", "bridge"));
        var one = SitrepProcess.Run(dir.Path, "extract", "pages/a.html", "--json");
        Assert.Equal(0, one.Exit);
        var record = JsonDocument.Parse(one.Out).RootElement;
        Assert.Equal("Border Post", record.GetProperty("outlet").GetString());
        Assert.Contains("The ferry resumed on Monday", record.GetProperty("articleBody").GetString());
        var batch = SitrepProcess.Run(dir.Path, "extract", "--batch", "pages", "--out", "predictions.json");
        Assert.True(batch.Exit == 0, batch.Err);
        var predictions = JsonDocument.Parse(File.ReadAllText(dir.Combine("predictions.json"))).RootElement;
        Assert.Equal(["a", "b"], predictions.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, SitrepProcess.Run(dir.Path, "extract", "missing.html").Exit);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_a_one_line_error()
    {
        using var dir = new TempDir();
        dir.File("bad.db", new string('x', 5000));
        var (exit, _, err) = SitrepProcess.Run(dir.Path, "documents", "--db", "bad.db");
        Assert.Equal(2, exit);
        Assert.Contains("bad.db", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void Killing_an_ingest_leaves_a_sound_database_and_rerunning_finishes_without_duplicates()
    {
        using var dir = new TempDir();
        const int total = 3000;
        var random = new Random(7);
        string[] vocabulary = [.. Enumerable.Range(0, 2000).Select(i => "w" + i.ToString("x"))];
        for (var i = 0; i < total; i++)
        {
            var words = string.Join(' ', Enumerable.Range(0, 80).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
            dir.File($"in/{i / 100:D2}/{i:D5}.txt", $"Generated article number {i} for the kill test\n\n{words}.");
        }
        var db = dir.Combine("s.db");

        using (var p = Process.Start(SitrepProcess.StartInfo(dir.Path, "ingest", "in", "--db", db))!)
        {
            _ = p.StandardError.ReadToEndAsync();
            _ = p.StandardOutput.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            while (Count(db) == 0 && !p.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(10);
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
        var partial = Count(db);
        Assert.InRange(partial, 1, total - 1);
        Assert.Equal("ok", Scalar(db, "PRAGMA integrity_check"));

        var (exit, _, err) = SitrepProcess.Run(dir.Path, "ingest", "in", "--db", db);
        Assert.True(exit == 0, err);
        Assert.Equal(total, Count(db));
        Assert.Equal((long)total, Scalar(db, "SELECT COUNT(DISTINCT text_hash) FROM documents"));
        Assert.Equal("ok", Scalar(db, "PRAGMA integrity_check"));
    }

    private static long Count(string db) => File.Exists(db) ? Scalar(db, "SELECT COUNT(*) FROM documents") as long? ?? 0 : 0;

    private static object? Scalar(string db, string sql)
    {
        try
        {
            using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            return cmd.ExecuteScalar();
        }
        catch (SqliteException) { return null; }
    }
}
