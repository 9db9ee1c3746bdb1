using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Sitrep.Web;

namespace Sitrep.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The port to listen on", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--host") { Description = "The address to bind (another than 127.0.0.1 opens the server to the network)", DefaultValueFactory = _ => "127.0.0.1" };
        var token = new Option<string?>("--token") { Description = "The token every write must carry (Authorization: Bearer TOKEN); one is generated and printed when none is given" };
        var command = new Command("serve", CommonOptions.Example("Serve the web UI and the JSON API (documented at /openapi.json) until Ctrl-C.",
            "sitrep serve", "sitrep serve --db team.db --port 9000 --token s3cret"))
        {
            port, host, token,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(port) is < 0 or > 65535)
            {
                Console.Error.WriteLine("sitrep: --port must be between 0 and 65535");
                return 1;
            }
            var reader = CommonOptions.Reader(quiet: false);
            if (reader is null) return 2;
            var options = new ServeOptions
            {
                DatabasePath = Path.GetFullPath(parse.GetValue(CommonOptions.Db)!), Host = parse.GetValue(host)!, Port = parse.GetValue(port),
                Token = parse.GetValue(token) ?? Security.NewToken(), Resolve = Resources.ResolveStory, Reader = reader,
                Fetcher = IngestCommand.Fetcher(new Pipeline.Ingest.IngestOptions(), new Ingest.Web.FetchOptions().Timeout.TotalSeconds),
            };
            var code = CommonOptions.WithStore(parse, _ => 0);
            if (code != 0) return code;
            SitrepServer.Prepare(options);
            var app = SitrepServer.Build(options);
            app.Start();
            Console.Error.WriteLine($"sitrep: serving {options.DatabasePath} at {string.Join(", ", app.Urls)} (Ctrl-C stops)");
            if (parse.GetValue(token) is null) Console.Error.WriteLine($"sitrep: write token (Authorization: Bearer …): {options.Token}");
            app.WaitForShutdown();
            return 0;
        });
        return command;
    }
}
