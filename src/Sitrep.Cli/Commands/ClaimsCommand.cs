using System.CommandLine;
using Sitrep.Cli.Terminal;
using Sitrep.Core.Claims;
using Sitrep.Store;

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
        command.SetAction(parse => Resolved.With(parse, (_, resolved) =>
        {
            var claims = resolved.ResolvedClaims(new ClaimQuery
            {
                Sources = Resolved.Named(resolved, parse.GetValue(source)), About = Resolved.Named(resolved, parse.GetValue(about)), All = parse.GetValue(all),
            }).Items;
            var outlets = resolved.DocumentLabels(claims.Select(c => c.Document));
            var names = resolved.EntityNames(claims.Select(c => c.SourceEntity).OfType<string>());
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
