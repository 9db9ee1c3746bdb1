using System.CommandLine;
using Sitrep.Cli.Terminal;
using Sitrep.Pipeline.Evaluation;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval dates</c>: publication dates against a corpus's reference.</summary>
internal static class DateEvalCommand
{
    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "A folder of stories, each with NN.txt pages, index.tsv and gold.json", Required = true };
        var urls = new Option<bool>("--urls") { Description = "Give the reader each page's address from index.tsv, as a fetch from the web would" };
        var all = new Option<bool>("--list") { Description = "Also list every article: reference, date found, source and how it was reached" };
        var json = CommonOptions.Json("the scores");
        var command = new Command("dates", CommonOptions.Example(
            "Score publication dates: for the articles whose page gives no date (the index says 'unknown'), how many inferred dates are right; and for all articles.",
            "sitrep eval dates --corpus ../shared/corpus/dev", "sitrep eval dates --corpus ../shared/corpus/dev --urls --list"))
        {
            corpus, urls, all, json,
        };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(corpus)!;
            if (!Directory.Exists(dir)) { Console.Error.WriteLine($"sitrep: {dir}: no such folder"); return 1; }
            DateScore s;
            try { s = DateEvaluation.Evaluate(dir, parse.GetValue(urls)); }
            catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
            {
                Console.Error.WriteLine($"sitrep: {dir}: a gold.json is not of the expected form ({e.Message})");
                return 1;
            }
            var undated = s.Undated.ToList();
            if (parse.GetValue(json))
            {
                Output.Json(new
                {
                    undated = undated.Count, undated_right = undated.Count(r => r.Right), undated_exact_day = undated.Count(r => r.ExactDay),
                    all = s.Results.Count, all_right = s.Results.Count(r => r.Right), all_exact_day = s.Results.Count(r => r.ExactDay),
                });
                return 0;
            }
            Console.WriteLine(DateEvaluation.Summary(undated, "pages without a date"));
            Console.WriteLine(DateEvaluation.Summary(s.Results, "all pages"));
            if (parse.GetValue(all))
                foreach (var r in s.Results)
                    Console.WriteLine($"  {(r.Right ? "+" : "-")} {r.Story}/{r.File} {(r.PageDated ? "dated  " : "undated")} gold {r.Gold,-21} found {r.Found,-22} {r.Source,-6} {r.Note}");
            return 0;
        });
        return command;
    }
}
