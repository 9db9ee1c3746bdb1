using System.CommandLine;
using Sitrep.Cli.Commands;

var root = new RootCommand("Sitrep turns news articles into a sourced picture of a conflict: who did what, where and when, and who says so.\n\n" +
                           "Example: sitrep ingest samples/ && sitrep report");
root.Options.Add(CommonOptions.Db);
foreach (var command in new[]
         {
             IngestCommand.Create(), WatchCommand.Create(), DocumentsCommand.Create(), ShowCommand.Create(), ExportCommand.Create(), ReportCommand.Create(), TimelineCommand.Create(), ClaimsCommand.Create(), ReprocessCommand.Create(),
             EntityCommand.Create(), ServeCommand.Create(), GazetteerCommand.Create(), ExtractCommand.Create(), TrainCommand.Create(), EvalCommand.Create(),
         })
    root.Subcommands.Add(command);
return root.Parse(args).Invoke();
