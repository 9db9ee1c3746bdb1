using System.CommandLine;
using Sitrep.Store.Export;

namespace Sitrep.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<ExportFormat>("--format") { Description = "json (one object), jsonl (one record a line), csv (one file per record kind) or geojson (events and places on a map)", DefaultValueFactory = _ => ExportFormat.Json };
        var output = new Option<string?>("--out") { Description = "File to write (json, jsonl; default standard output) or folder (csv, required)" };
        var command = new Command("export", CommonOptions.Example("Export everything in the public export format, version 1.",
            "sitrep export --format json --out sitrep.json", "sitrep export --format jsonl | jq .kind", "sitrep export --format csv --out export/", "sitrep export --format geojson --out map.geojson"))
        {
            format, output,
        };
        command.SetAction(parse => CommonOptions.WithStore(parse, store =>
        {
            var now = DateTimeOffset.UtcNow;
            var story = Resources.LoadStory(store);
            var path = parse.GetValue(output);
            var fmt = parse.GetValue(format);
            if (fmt == ExportFormat.Csv)
            {
                if (path is null)
                {
                    Console.Error.WriteLine("sitrep: csv export writes one file per record kind; name a folder with --out");
                    return 1;
                }
                foreach (var f in ExportWriter.WriteCsv(store, story, path)) Console.Error.WriteLine($"wrote {f}");
                return 0;
            }
            using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
            if (fmt == ExportFormat.GeoJson) ExportWriter.WriteGeoJson(story, stream);
            else if (fmt == ExportFormat.Json) ExportWriter.WriteJson(store, story, stream, now);
            else ExportWriter.WriteJsonLines(store, story, stream, now);
            return 0;
        }));
        return command;
    }
}
