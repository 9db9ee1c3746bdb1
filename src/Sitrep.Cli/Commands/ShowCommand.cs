using System.CommandLine;
using Sitrep.Cli.Terminal;
using Sitrep.Core.Time;

namespace Sitrep.Cli.Commands;

internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "A document id, or an unambiguous prefix of one" };
        var json = CommonOptions.Json("the document");
        var command = new Command("show", CommonOptions.Example("Show one article: its metadata, how its date was found, its body, and what was cut as page furniture.",
            "sitrep show d-3f2a", "sitrep show d-3f2a9c01b2d4e5f6 --json"))
        {
            id, json,
        };
        command.SetAction(parse => CommonOptions.WithStore(parse, store =>
        {
            var key = parse.GetValue(id)!;
            if (store.Find(key) is not { } d)
            {
                Console.Error.WriteLine($"sitrep: no document matches '{key}' (run 'sitrep documents' to list them)");
                return 1;
            }
            var sources = store.Sources(d.Id);
            if (parse.GetValue(json))
            {
                Output.Json(new
                {
                    Document = DocumentsCommand.Summary(d),
                    PublishedNote = d.Published.Note,
                    d.Encoding,
                    d.EntityModel,
                    Sources = sources,
                    d.Body,
                    Cut = d.Cut.Select(c => new { c.Start, c.End, Reason = c.Reason.ToString(), c.Text }),
                });
                return 0;
            }
            Console.WriteLine($"id          {d.Id}");
            Console.WriteLine($"title       {d.Title ?? "(none found)"}");
            Console.WriteLine($"outlet      {d.Outlet ?? "(none found)"}");
            Console.WriteLine($"author      {d.Author ?? "(none found)"}");
            Console.WriteLine($"language    {d.Language}");
            Console.WriteLine($"published   {DocumentsCommand.Published(d.Published)}, from {d.Published.Source.ToExportName()}" +
                              (d.Published.Note is null ? "" : $"\n            ({d.Published.Note})"));
            if (d.Url is not null) Console.WriteLine($"url         {d.Url}");
            Console.WriteLine($"encoding    {d.Encoding}{(d.Hints?.Charset is { } declared ? $" (declared by the server: {declared})" : "")}");
            Console.WriteLine($"sources     {string.Join("\n            ", sources)}");
            if (d.DuplicateOf is not null) Console.WriteLine($"copy of     {d.DuplicateOf}");
            if (d.EntityModel is not null) Console.WriteLine($"names by    the {d.EntityModel} entity model");
            Console.WriteLine();
            Console.WriteLine(d.Body);
            Console.WriteLine();
            Console.WriteLine($"--- cut from the page ({d.Cut.Count}) ---");
            foreach (var c in d.Cut) Console.WriteLine($"[{c.Reason}] {Output.Clip(c.Text, 100)}");
            return 0;
        }));
        return command;
    }
}
