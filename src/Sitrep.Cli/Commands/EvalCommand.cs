using System.CommandLine;
using Sitrep.Cli.Terminal;
using Sitrep.Text.Entities;
using Sitrep.Text.Time;

namespace Sitrep.Cli.Commands;

internal static class EvalCommand
{
    public static Command Create() => new("eval", "Measure a stage of the pipeline against annotated data.")
    {
        Ner(), Time(), Resolve(), Events(), Extract(), DateEvalCommand.Create(), EcbCommands.Eval(),
    };

    private static Command Extract()
    {
        var pages = new Option<string>("--pages") { Description = "A folder of .html or .html.gz pages", Required = true };
        var truth = new Option<string>("--truth") { Description = "ground-truth.json: page id -> {\"articleBody\"}", Required = true };
        var worst = new Option<int>("--worst") { Description = "Also list this many pages with the lowest F1", DefaultValueFactory = _ => 0 };
        var folds = new Option<int>("--folds") { Description = "k-fold cross-validation: choose the extractor's settings on k-1 folds, score the held-out one", DefaultValueFactory = _ => 0 };
        var json = CommonOptions.Json("the scores");
        var command = new Command("extract", CommonOptions.Example("Score article extraction with the benchmark's 4-shingle precision, recall and F1, and pages per second.",
            "sitrep eval extract --pages ../shared/data/article-extraction/html --truth ../shared/data/article-extraction/ground-truth.json",
            "sitrep eval extract --pages ../shared/data/article-extraction/html --truth ../shared/data/article-extraction/ground-truth.json --folds 5"))
        {
            pages, truth, worst, folds, json,
        };
        command.SetAction(parse =>
        {
            var (dir, gold) = (parse.GetValue(pages)!, parse.GetValue(truth)!);
            if (!Directory.Exists(dir)) { Console.Error.WriteLine($"sitrep: {dir}: no such folder"); return 1; }
            if (!File.Exists(gold)) { Console.Error.WriteLine($"sitrep: {gold}: no such file"); return 1; }
            if (parse.GetValue(folds) is > 0 and var k) return CrossValidateExtraction(dir, gold, k, parse.GetValue(json));
            var s = Pipeline.Evaluation.ExtractionEvaluation.Evaluate(dir, gold);
            if (parse.GetValue(json)) Output.Json(new { precision = s.Precision, recall = s.Recall, f1 = s.F1, pages = s.Pages, seconds = s.Seconds, pages_per_second = s.PagesPerSecond });
            else Console.WriteLine($"precision {s.Precision:0.0000}, recall {s.Recall:0.0000}, F1 {s.F1:0.0000} over {s.Pages} pages; {s.PagesPerSecond:0} pages/s");
            foreach (var (page, p, r) in s.PerPage.OrderBy(x => x.Precision + x.Recall == 0 ? 0 : 2 * x.Precision * x.Recall / (x.Precision + x.Recall)).Take(parse.GetValue(worst)))
                Console.WriteLine($"  {page[..12]}  precision {p:0.00}  recall {r:0.00}");
            return 0;
        });
        return command;
    }

    private static int CrossValidateExtraction(string dir, string gold, int folds, bool json)
    {
        var cv = Pipeline.Evaluation.ExtractionEvaluation.CrossValidate(dir, gold, folds);
        if (json)
        {
            Output.Json(new
            {
                folds = cv.Folds.Select(f => new { pages = f.Pages, chosen = f.Chosen.ToString(), train_f1 = f.TrainF1, held_out_f1 = f.HeldOutF1 }),
                mean_held_out_f1 = cv.MeanHeldOutF1, sd = cv.StandardDeviation, chosen_on_all = cv.ChosenOnAll.ToString(), default_f1 = cv.DefaultF1,
            });
            return 0;
        }
        foreach (var (f, i) in cv.Folds.Select((f, i) => (f, i)))
            Console.WriteLine($"fold {i + 1}: {f.Pages} pages, held-out F1 {f.HeldOutF1:0.0000} (train {f.TrainF1:0.0000}) with {f.Chosen}");
        Console.WriteLine($"mean held-out F1 {cv.MeanHeldOutF1:0.0000} (sd {cv.StandardDeviation:0.0000}) over {cv.Folds.Count} folds");
        Console.WriteLine($"chosen on all pages: {cv.ChosenOnAll}; the defaults score {cv.DefaultF1:0.0000} on all pages (a fit)");
        return 0;
    }

    private static Command Resolve()
    {
        var gold = new Option<string>("--gold") { Description = "Gold entities in the format of seeds.gold.json (entities with variants, must_not_merge pairs)", Required = true };
        var json = CommonOptions.Json("the scores");
        var command = new Command("resolve", CommonOptions.Example("Score entity resolution: pairwise precision, recall and F1 over the gold variants in the database, and merged must-not-merge pairs.",
            "sitrep eval resolve --gold ../shared/corpus/seeds.gold.json --db seeds.db"))
        {
            gold, json,
        };
        command.SetAction(parse => CommonOptions.WithStore(parse, store =>
        {
            var path = parse.GetValue(gold)!;
            if (!File.Exists(path)) { Console.Error.WriteLine($"sitrep: {path}: no such file"); return 1; }
            Pipeline.Evaluation.ResolveScore s;
            // the entities as users see them: with places on the map, so that names of one place are one entity
            try { s = Pipeline.Evaluation.ResolveEvaluation.Evaluate(path, Pipeline.Show.Entities.Of(store, Resources.LoadGazetteer())); }
            catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
            {
                Console.Error.WriteLine($"sitrep: {path}: not a gold file of the expected form ({e.Message})");
                return 1;
            }
            if (parse.GetValue(json))
            {
                Output.Json(new { pair_precision = s.PairPrecision, pair_recall = s.PairRecall, pair_f1 = s.PairF1, violations = s.Violations });
                return 0;
            }
            Console.WriteLine($"pairwise precision {s.PairPrecision:0.0000}, recall {s.PairRecall:0.0000}, F1 {s.PairF1:0.0000} ({s.GoldPairs} gold pairs, {s.FoundPairs} joined)");
            Console.WriteLine(s.Violations.Count == 0 ? "no must-not-merge pair merged" : "merged although they must not be: " + string.Join("; ", s.Violations));
            foreach (var m in s.MissedPairs) Console.WriteLine($"  not joined: {m}");
            foreach (var m in s.WrongPairs) Console.WriteLine($"  joined but not the same: {m}");
            return 0;
        }));
        return command;
    }

    private static Command Events()
    {
        var gold = new Option<string>("--gold") { Description = "Gold events in the format of seeds.gold.json (events with type, dates, place, actor and documents)", Required = true };
        var json = CommonOptions.Json("the scores");
        var command = new Command("events", CommonOptions.Example("Score events: recall of the gold events, how many are merged across all their articles, and the share of system events that match one.",
            "sitrep eval events --gold ../shared/corpus/seeds.gold.json --db seeds.db"))
        {
            gold, json,
        };
        command.SetAction(parse => CommonOptions.WithStore(parse, store =>
        {
            var path = parse.GetValue(gold)!;
            if (!File.Exists(path)) { Console.Error.WriteLine($"sitrep: {path}: no such file"); return 1; }
            var story = Resources.LoadStory(store);
            var sources = store.Documents().Select(d => (d.Id, d.Source)).ToList();
            var affiliations = Resources.Find(Resources.EventTriggers) is { } lexicon ? Text.Events.EventLexicon.Load(lexicon).Affiliations : null;
            Pipeline.Evaluation.EventScore s;
            try { s = Pipeline.Evaluation.EventEvaluation.Evaluate(path, story, sources, affiliations); }
            catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                Console.Error.WriteLine($"sitrep: {path}: not a gold file of the expected form ({e.Message})");
                return 1;
            }
            if (parse.GetValue(json))
            {
                Output.Json(new
                {
                    event_recall = s.EventRecall, merge_recall = s.MergeRecall, matched_share = s.MatchedShare,
                    gold_conflicts = s.GoldConflicts, conflicts_found = s.ConflictsFound, conflict_recall = s.ConflictRecall,
                    doer_accuracy = s.DoerAccuracy, doers_judged = s.DoersJudged, place_accuracy = s.PlaceAccuracy, places_judged = s.PlacesJudged,
                    matched = s.Matched, missed = s.Missed, unmerged = s.Unmerged,
                    events = s.Events.Select(e => new
                    {
                        id = e.Id, type = e.Type, found = e.Found, merged = e.Merged, doer_right = e.DoerRight, place_right = e.PlaceRight,
                        conflicts = e.Conflicts, conflicts_found = e.ConflictsFound, system_event = e.SystemEvent,
                    }),
                });
                return 0;
            }
            Console.WriteLine($"event recall {s.EventRecall:0.000} ({s.Matched.Count} of {s.GoldEvents}), merge recall {s.MergeRecall:0.000}, " +
                              $"matched share {s.MatchedShare:0.000} of {s.SystemEvents} system events");
            Console.WriteLine($"conflicts {s.ConflictsFound} of {s.GoldConflicts} ({s.ConflictRecall:0.000}), doer accuracy {s.DoerAccuracy:0.000} " +
                              $"({s.DoersRight} of {s.DoersJudged}), place accuracy {s.PlaceAccuracy:0.000} ({s.PlacesRight} of {s.PlacesJudged})");
            if (s.Missed.Count > 0) Console.WriteLine("missed: " + string.Join(", ", s.Missed));
            if (s.Unmerged.Count > 0) Console.WriteLine("found but not in every gold article: " + string.Join(", ", s.Unmerged));
            return 0;
        }));
        return command;
    }

    private static Command Time()
    {
        var gold = new Option<string>("--gold") { Description = "A folder of TimeML .tml files (TIMEX3 in TEXT; the DCT anchors and is not scored)", Required = true };
        var errors = new Option<int>("--errors") { Description = "Also print this many value errors", DefaultValueFactory = _ => 0 };
        var json = CommonOptions.Json("the scores");
        var command = new Command("time", CommonOptions.Example("Score the time tagger on TimeML: strict and relaxed span F1, type and value accuracy.",
            "sitrep eval time --gold ../shared/data/timeml/timebank", "sitrep eval time --gold ../shared/data/timeml/timebank --json"))
        {
            gold, errors, json,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(gold)!;
            if (!Directory.Exists(folder)) { Console.Error.WriteLine($"sitrep: {folder}: no such folder"); return 1; }
            List<TimeMlDocument> docs;
            try { docs = TimeMlCorpus.ReadFolder(folder); }
            catch (System.Xml.XmlException e) { Console.Error.WriteLine($"sitrep: {folder}: {e.Message}"); return 1; }
            var s = TimeEvaluation.Evaluate(docs);
            if (parse.GetValue(json))
            {
                Output.Json(new
                {
                    strict_f1 = s.StrictF1, relaxed_f1 = s.RelaxedF1, strict_precision = s.StrictPrecision, strict_recall = s.StrictRecall,
                    relaxed_precision = s.RelaxedPrecision, relaxed_recall = s.RelaxedRecall, type_accuracy = s.TypeAccuracy, value_accuracy = s.ValueAccuracy,
                    docs = s.Docs, docs_per_second = s.DocsPerSecond,
                });
                return 0;
            }
            Console.WriteLine($"{"",-8} {"precision",9} {"recall",9} {"F1",9}");
            Console.WriteLine($"{"strict",-8} {s.StrictPrecision,9:0.0000} {s.StrictRecall,9:0.0000} {s.StrictF1,9:0.0000}");
            Console.WriteLine($"{"relaxed",-8} {s.RelaxedPrecision,9:0.0000} {s.RelaxedRecall,9:0.0000} {s.RelaxedF1,9:0.0000}");
            Console.WriteLine($"type accuracy {s.TypeAccuracy:0.0000}, value accuracy {s.ValueAccuracy:0.0000} ({s.Gold} gold, {s.Predicted} found)");
            Console.WriteLine($"{s.Docs} documents in {s.Seconds:0.000}s: {s.DocsPerSecond:N0} documents/s");
            foreach (var (doc, text, g, f) in s.ValueErrors.Take(parse.GetValue(errors))) Console.WriteLine($"  {doc}: '{text}' gold {g}, found {f}");
            return 0;
        });
        return command;
    }

    private static Command Ner()
    {
        var gold = new Option<string>("--gold") { Description = "A CoNLL file (token first, tag last; IOB1 or IOB2)", Required = true };
        var model = ModelOption();
        var fast = EntityModes.FastOption();
        var json = CommonOptions.Json("the scores");
        var command = new Command("ner", CommonOptions.Example("Score the entity model with conlleval's exact-span precision, recall and F1 (the encoder model; --fast for the perceptron).",
            "sitrep eval ner --gold ../shared/data/ner/conll2003/eng.testa", "sitrep eval ner --fast --gold wikigold.conll --json"))
        {
            gold, model, fast, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(gold)!;
            if (!File.Exists(path)) { Console.Error.WriteLine($"sitrep: {path}: no such file"); return 1; }
            if (Resources.LoadLexicon() is not { } lexicon) return 1;
            // --model names a perceptron file, so it implies --fast
            var useFast = parse.GetValue(fast) || parse.GetValue(model) is not null;
            if (EntityModes.Load(useFast, parse.GetValue(model), lexicon) is not { } tagger) return 1;
            var score = NerEvaluation.Evaluate(tagger.Tagger, ConllCorpus.Read(path));
            if (parse.GetValue(json))
            {
                Output.Json(new
                {
                    f1 = score.Overall.F1, precision = score.Overall.Precision, recall = score.Overall.Recall,
                    per_type = score.PerType.ToDictionary(t => t.Key, t => new { precision = t.Value.Precision, recall = t.Value.Recall, f1 = t.Value.F1 }),
                    tokens = score.Tokens, seconds = score.Seconds, tokens_per_second = score.TokensPerSecond, model = tagger.Tagger.Name,
                });
                return 0;
            }
            Console.WriteLine($"{"",-8} {"precision",9} {"recall",9} {"F1",9} {"gold",7} {"found",7}");
            foreach (var (type, p) in score.PerType.Append(new("overall", score.Overall)))
                Console.WriteLine($"{type,-8} {p.Precision,9:0.0000} {p.Recall,9:0.0000} {p.F1,9:0.0000} {p.Gold,7} {p.Predicted,7}");
            Console.WriteLine($"{score.Tokens} tokens in {score.Seconds:0.00}s: {score.TokensPerSecond:N0} tokens/s (tagging only, {tagger.Tagger.Name})");
            return 0;
        });
        return command;
    }

    public static Option<string?> ModelOption() => new("--model") { Description = "The entity model (default: models/ner.bin beside sitrep, or $SITREP_MODELS/ner.bin)" };
}
