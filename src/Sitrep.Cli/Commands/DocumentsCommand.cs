using System.CommandLine;
using Sitrep.Cli.Terminal;
using Sitrep.Core.Documents;
using Sitrep.Core.Time;

namespace Sitrep.Cli.Commands;

internal static class DocumentsCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json("the list");
        var command = new Command("documents", CommonOptions.Example("List the stored articles in the order they were ingested.", "sitrep documents", "sitrep documents --json"))
        {
            json,
        };
        command.SetAction(parse => CommonOptions.WithStore(parse, store =>
        {
            var docs = store.Documents();
            if (parse.GetValue(json))
            {
                Output.Json(docs.Select(Summary));
                return 0;
            }
            Console.WriteLine($"{"ID",-18}  {"PUBLISHED",-23}  {"OUTLET",-16}  TITLE");
            foreach (var d in docs)
                Console.WriteLine($"{d.Id,-18}  {Output.Clip(Published(d.Published), 23),-23}  {Output.Clip(d.Outlet, 16),-16}  {Output.Clip(d.Title ?? "(untitled)", 70)}" +
                                  (d.DuplicateOf is null ? "" : $"  [copy of {d.DuplicateOf}]"));
            return 0;
        }));
        return command;
    }

    public static object Summary(Document d) => new
    {
        d.Id, d.Source, d.Outlet, d.Title, d.Author, d.Language,
        Published = d.Published.Value?.ToString(),
        PublishedPrecision = d.Published.Precision.ToExportName(),
        PublishedRange = d.Published.Precision == DatePrecision.Range ? new[] { $"{d.Published.From:yyyy-MM-dd}", $"{d.Published.To:yyyy-MM-dd}" } : null,
        PublishedFrom = d.Published.Source.ToExportName(),
        d.DuplicateOf,
        Characters = d.Body.Length,
    };

    public static string Published(PublicationDate p) => p.Precision switch
    {
        DatePrecision.Range => $"{p.From:yyyy-MM-dd}..{p.To:MM-dd} (range)",
        DatePrecision.Unknown => "unknown",
        _ => p.Value?.ToString() ?? "unknown",
    };
}
