using System.CommandLine;
using Sitrep.Cli.Terminal;
using Sitrep.Core.Entities;
using Sitrep.Resolve;

namespace Sitrep.Cli.Commands;

internal static class EntityCommand
{
    private static Command Correction(CorrectionKind kind, string verb, string description, string example)
    {
        var a = new Argument<string>("a") { Description = "A name the entity is written as" };
        var b = new Argument<string>("b") { Description = kind == CorrectionKind.Merge ? "A name of the other entity" : "The spelling to split off" };
        var command = new Command(verb, CommonOptions.Example(description, example)) { a, b };
        command.SetAction(parse => Resolved.With(parse, (store, resolved) =>
        {
            var (first, second) = (parse.GetValue(a)!, parse.GetValue(b)!);
            var unknown = new[] { first, second }.FirstOrDefault(n => resolved.EntitiesNamed(n, key: null).Count == 0);
            if (unknown is not null)
            {
                Console.Error.WriteLine($"sitrep: no entity is written '{unknown}' (see 'sitrep entity NAME')");
                return 1;
            }
            using (var tx = store.Begin())
            {
                store.AddCorrection(new EntityCorrection(kind, first, second));
                tx.Commit();
            }
            Resolved.Ensure(store);
            Console.Error.WriteLine(kind == CorrectionKind.Merge ? $"merged '{second}' into '{first}'" : $"split '{second}' off '{first}'");
            return 0;
        }));
        return command;
    }

    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "A name or any spelling of it" };
        var json = CommonOptions.Json("the entity");
        var command = new Command("entity", CommonOptions.Example("Show an entity: its canonical name, every alias with its count and documents, and why each alias was joined.",
            "sitrep entity Syrskyi", "sitrep entity Суджа --json"))
        {
            name, json,
        };
        command.Subcommands.Add(Correction(CorrectionKind.Merge, "merge", "Join the entity written A with the entity written B; kept across reprocess.", "sitrep entity merge \"Institute for War Studies\" ISW"));
        command.Subcommands.Add(Correction(CorrectionKind.Split, "split", "Split the spelling B off the entity written A into an entity of its own; kept across reprocess.", "sitrep entity split Kursk \"Kursk Nuclear Power Plant\""));
        command.SetAction(parse => Resolved.With(parse, (_, resolved) =>
        {
            var query = parse.GetValue(name)!;
            var ids = resolved.EntitiesNamed(query, key: null);
            if (ids.Count == 0) ids = resolved.EntitiesNamed(query, NameKey.Of(query), partOfKey: true);
            var found = ids.Select(resolved.Entity).OfType<Entity>().ToList();
            if (found.Count == 0)
            {
                Console.Error.WriteLine($"sitrep: no entity is written '{query}' or spelled like it");
                return 1;
            }
            if (parse.GetValue(json))
            {
                Output.Json(found.Select(e => new
                {
                    e.Id, e.Type, e.Name, e.Geo,
                    Aliases = e.Aliases.Select(a => new
                    {
                        Alias = a,
                        Count = e.Mentions.Count(m => m.Text == a),
                        Documents = e.Mentions.Where(m => m.Text == a).Select(m => m.Document).Distinct(),
                        Why = a == e.Name ? "canonical name" : e.Reasons.GetValueOrDefault(a, "the same name"),
                    }),
                }));
                return 0;
            }
            foreach (var e in found)
            {
                Console.WriteLine($"{e.Name}  ({e.Type}, {e.Id}, {e.Mentions.Count} mentions in {e.Mentions.Select(m => m.Document).Distinct().Count()} documents)"
                                  + (e.Geo is { } g ? $"\n  at {g.Lat:0.####}, {g.Lon:0.####} ({g.Kind}, {g.Country}, {g.Ref})" : ""));
                foreach (var a in e.Aliases)
                {
                    var docs = e.Mentions.Where(m => m.Text == a).Select(m => m.Document).Distinct().ToList();
                    var why = a == e.Name ? "canonical name" : e.Reasons.GetValueOrDefault(a, "the same name");
                    Console.WriteLine($"  {a,-32} ×{e.Mentions.Count(m => m.Text == a),-3} {string.Join(", ", docs)}  — {why}");
                }
            }
            return 0;
        }));
        return command;
    }
}
