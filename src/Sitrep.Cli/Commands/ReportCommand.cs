using System.CommandLine;
using Sitrep.Pipeline.Show;

namespace Sitrep.Cli.Commands;

internal static class ReportCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Markdown file to write (default: standard output)" };
        var from = new Option<DateOnly?>("--from") { Description = "Only events on or after this day (yyyy-mm-dd), and the articles reporting them" };
        var to = new Option<DateOnly?>("--to") { Description = "Only events on or before this day (yyyy-mm-dd), and the articles reporting them" };
        var command = new Command("report", CommonOptions.Example("Write a Markdown brief: per day, the events with their sources and status; where sources disagree; the people, places and organisations with their other spellings; the articles.",
            "sitrep report", "sitrep report --out brief.md", "sitrep report --from 2025-03-01 --to 2025-03-31"))
        {
            output, from, to,
        };
        command.SetAction(parse => Resolved.With(parse, (store, resolved) =>
        {
            var (story, documents) = parse.GetValue(from) is null && parse.GetValue(to) is null
                ? (resolved.LoadStory(), null)
                : StoredStories.Range(resolved, parse.GetValue(from), parse.GetValue(to));
            var path = parse.GetValue(output);
            using var writer = path is null ? Console.Out : new StreamWriter(path);
            BriefWriter.Write(store, story, writer, DateTimeOffset.UtcNow, documents: documents);
            if (path is not null) Console.Error.WriteLine($"wrote {path}");
            return 0;
        }));
        return command;
    }
}
