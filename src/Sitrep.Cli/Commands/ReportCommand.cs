using System.CommandLine;
using Sitrep.Pipeline.Show;

namespace Sitrep.Cli.Commands;

internal static class ReportCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Markdown file to write (default: standard output)" };
        var command = new Command("report", CommonOptions.Example("Write a Markdown brief: the articles by date, the names they mention most, and a timeline of dated sentences.",
            "sitrep report", "sitrep report --out brief.md"))
        {
            output,
        };
        command.SetAction(parse => CommonOptions.WithStore(parse, store =>
        {
            var path = parse.GetValue(output);
            using var writer = path is null ? Console.Out : new StreamWriter(path);
            BriefWriter.Write(store, writer, DateTimeOffset.UtcNow);
            if (path is not null) Console.Error.WriteLine($"wrote {path}");
            return 0;
        }));
        return command;
    }
}
