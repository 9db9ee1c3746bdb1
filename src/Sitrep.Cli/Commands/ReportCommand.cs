using System.CommandLine;
using Sitrep.Pipeline.Show;

namespace Sitrep.Cli.Commands;

internal static class ReportCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Markdown file to write (default: standard output)" };
        var command = new Command("report", CommonOptions.Example("Write a Markdown brief: per day, the events with their sources and status; where sources disagree; the people, places and organisations with their other spellings; the articles.",
            "sitrep report", "sitrep report --out brief.md"))
        {
            output,
        };
        command.SetAction(parse => CommonOptions.WithStore(parse, store =>
        {
            var story = Resources.LoadStory(store);
            var path = parse.GetValue(output);
            using var writer = path is null ? Console.Out : new StreamWriter(path);
            BriefWriter.Write(store, story, writer, DateTimeOffset.UtcNow);
            if (path is not null) Console.Error.WriteLine($"wrote {path}");
            return 0;
        }));
        return command;
    }
}
