using System.CommandLine;
using System.Text.Json;
using Sitrep.Cli.Terminal;
using Sitrep.Ingest;
using Sitrep.Ingest.Decoding;
using Sitrep.Ingest.Html;
using Sitrep.Ingest.Web;

namespace Sitrep.Cli.Commands;

internal static class ExtractCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("file") { Description = "An .html or .html.gz page, or an http(s) address", Arity = ArgumentArity.ZeroOrOne };
        var batch = new Option<string?>("--batch") { Description = "A folder: extract every .html and .html.gz page in it" };
        var output = new Option<string?>("--out") { Description = "With --batch: where to write {file-stem: {articleBody, title, published, author, outlet}}" };
        var json = CommonOptions.Json("the article and its metadata");
        var command = new Command("extract", CommonOptions.Example("Print the article of a web page and its metadata, or extract a folder of pages into one JSON file.",
            "sitrep extract page.html", "sitrep extract https://example.org/news/story --json", "sitrep extract --batch pages/ --out predictions.json"))
        {
            file, batch, output, json,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(batch) is { } dir) return Batch(dir, parse.GetValue(output));
            if (parse.GetValue(file) is not { } path) { Console.Error.WriteLine("sitrep: name a page, or a folder with --batch"); return 1; }
            HtmlArticle article;
            try { article = Read(path); }
            catch (Exception e) when (e is InputRejectedException or IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"sitrep: {path}: {e.Message}");
                return 1;
            }
            if (parse.GetValue(json)) Output.Json(new Dictionary<string, string?>(Record(article)) { ["language"] = article.Language, ["url"] = article.Url });
            else
            {
                Console.WriteLine($"title      {article.Title ?? "(none found)"}");
                Console.WriteLine($"outlet     {article.Outlet ?? "(none found)"}");
                Console.WriteLine($"author     {article.Author ?? "(none found)"}");
                Console.WriteLine($"published  {article.Published?.ToString() ?? "(none found)"}");
                Console.WriteLine($"language   {article.Language ?? "(none declared)"}");
                Console.WriteLine($"url        {article.Url ?? "(none declared)"}");
                Console.WriteLine();
                Console.WriteLine(article.Body);
            }
            return 0;
        });
        return command;
    }

    private static int Batch(string dir, string? output)
    {
        if (!Directory.Exists(dir)) { Console.Error.WriteLine($"sitrep: {dir}: no such folder"); return 1; }
        if (output is null) { Console.Error.WriteLine("sitrep: --batch writes one JSON file; name it with --out"); return 1; }
        var results = new SortedDictionary<string, object>(StringComparer.Ordinal);
        var failed = 0;
        foreach (var path in Directory.EnumerateFiles(dir).Where(IsPage).Order(StringComparer.Ordinal))
        {
            try { results[Path.GetFileName(path).Split('.')[0]] = Record(Read(path)); }
            catch (Exception e) when (e is InputRejectedException or IOException or InvalidDataException or UnauthorizedAccessException)
            {
                failed++;
                Console.Error.WriteLine($"failed: {path}: {e.Message}");
            }
        }
        File.WriteAllText(output, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Console.Error.WriteLine($"wrote {output}: {results.Count} pages, {failed} failed");
        return failed > 0 ? IngestCommand.SomeFailed : 0;
    }

    private static bool IsPage(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase);

    private static HtmlArticle Read(string path)
    {
        if (!Fetcher.IsUrl(path)) return HtmlArticleExtractor.Extract(TextDecoder.Decode(Gzip.ReadFile(path)).Text);
        using var fetcher = new Fetcher();
        var page = fetcher.Get(path);
        return HtmlArticleExtractor.Extract(TextDecoder.Decode(page.Bytes, page.Charset).Text);
    }

    private static Dictionary<string, string?> Record(HtmlArticle a) => new()
    {
        ["articleBody"] = a.Body, ["title"] = a.Title, ["published"] = a.Published?.ToString(), ["author"] = a.Author, ["outlet"] = a.Outlet,
    };
}
