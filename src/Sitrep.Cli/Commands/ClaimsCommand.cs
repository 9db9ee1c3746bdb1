using System.CommandLine;
using Sitrep.Cli.Terminal;
using Sitrep.Core.Claims;
using Sitrep.Pipeline.Show;

namespace Sitrep.Cli.Commands;

internal static class ClaimsCommand
{
    public static Command Create()
    {
        var source = new Option<string?>("--source") { Description = "Only claims made by this source (any spelling it is known by)" };
        var about = new Option<string?>("--about") { Description = "Only claims whose sentence names this person, place or organisation" };
        var all = new Option<bool>("--all") { Description = "Also list the sentences outlets state in their own voice" };
        var json = CommonOptions.Json("the claims");
        var command = new Command("claims", CommonOptions.Example("Who claims what: every attributed sentence with its source, cue and stance.",
            "sitrep claims", "sitrep claims --source Peskov", "sitrep claims --about Sudzha --json"))
        {
            source, about, all, json,
        };
        command.SetAction(parse => CommonOptions.WithStore(parse, store =>
        {
            var story = Resources.LoadStory(store);
            var outlets = EventText.Outlets(store.Documents());
            var names = story.Entities.ToDictionary(e => e.Id, e => e.Name);
            var sources = TimelineCommand.Named(story, parse.GetValue(source));
            var subjects = TimelineCommand.Named(story, parse.GetValue(about));
            var mentioned = subjects is null ? null : story.Entities.Where(e => subjects.Contains(e.Id)).SelectMany(e => e.Mentions).ToList();
            var claims = story.Claims.Where(c =>
                (c.Claim.Source is not null || parse.GetValue(all))
                && (sources is null || (c.SourceEntity is not null && sources.Contains(c.SourceEntity)))
                && (mentioned is null || mentioned.Any(m => m.Document == c.Document && c.Claim.Span.Contains(m.Span)))).ToList();
            if (parse.GetValue(json))
            {
                Output.Json(claims.Select(c => new
                {
                    c.Id, c.Document, Outlet = outlets.GetValueOrDefault(c.Document), c.Claim.Span.Start, c.Claim.Span.End, c.Text, Source = c.SourceEntity,
                    SourceName = c.SourceEntity is null ? null : names.GetValueOrDefault(c.SourceEntity), c.SourceText, c.Claim.Cue, Stance = Claim.StanceName(c.Claim.Stance),
                }));
                return 0;
            }
            if (claims.Count == 0) Console.WriteLine("No claim matches.");
            foreach (var c in claims)
            {
                var who = c.SourceEntity is not null ? names[c.SourceEntity] : c.SourceText ?? outlets.GetValueOrDefault(c.Document) ?? c.Document;
                Console.WriteLine($"{Output.Clip(who, 28),-28}  {Claim.StanceName(c.Claim.Stance),-10}  {Output.Clip(c.Text, 110)}  [{Output.Clip(outlets.GetValueOrDefault(c.Document), 24)}]");
            }
            return 0;
        }));
        return command;
    }
}
