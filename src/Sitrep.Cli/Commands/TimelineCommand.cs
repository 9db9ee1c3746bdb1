using System.CommandLine;
using System.Globalization;
using Sitrep.Cli.Terminal;
using Sitrep.Core.Claims;
using Sitrep.Core.Events;
using Sitrep.Store;

namespace Sitrep.Cli.Commands;

internal static class TimelineCommand
{
    public static Command Create()
    {
        var from = new Option<DateOnly?>("--from") { Description = "Only events on or after this day (yyyy-mm-dd)" };
        var to = new Option<DateOnly?>("--to") { Description = "Only events on or before this day (yyyy-mm-dd)" };
        var place = new Option<string?>("--place") { Description = "Only events at this place (any spelling it is known by)" };
        var actor = new Option<string?>("--actor") { Description = "Only events with this actor, or an actor on this side (\"Russia\" finds Russian troops)" };
        var type = new Option<string?>("--type") { Description = "Only events of this type: " + string.Join(", ", EventTypes.All) };
        var json = CommonOptions.Json("the events");
        var command = new Command("timeline", CommonOptions.Example("The events in date order, with their status, sources and number of reports.",
            "sitrep timeline", "sitrep timeline --place Sudzha --from 2025-03-01", "sitrep timeline --type control_change --json"))
        {
            from, to, place, actor, type, json,
        };
        command.SetAction(parse => Resolved.With(parse, (_, resolved) =>
        {
            if (parse.GetValue(type) is { } t && !EventTypes.IsKnown(t))
            {
                Console.Error.WriteLine($"sitrep: '{t}' is not an event type; one of: {string.Join(", ", EventTypes.All)}");
                return 1;
            }
            var events = resolved.Events(new EventQuery
            {
                From = parse.GetValue(from), To = parse.GetValue(to), Places = Resolved.Named(resolved, parse.GetValue(place)),
                Actors = Resolved.Named(resolved, parse.GetValue(actor)), Type = parse.GetValue(type),
            }).Items;
            var (text, outlets) = Resolved.Text(resolved, events);
            if (parse.GetValue(json))
            {
                Output.Json(events.Select(e => new
                {
                    e.Id, e.Type, Date = e.Date?.Value, DatePrecision = e.Date?.Precision, DateFrom = e.Date is null ? null : e.Date.FromText ? "text" : "published",
                    e.Place, PlaceName = e.Place is null ? null : text.Name(e.Place), e.Actors, ActorNames = e.Actors.Select(text.Name), e.Status, e.Summary,
                    Quantities = e.Quantities.Select(q => q.Text),
                    Reports = e.Reports.Select(r => new { r.Document, Outlet = outlets.GetValueOrDefault(r.Document), r.ClaimId, Stance = Claim.StanceName(r.Stance), Source = r.Source is null ? null : text.Name(r.Source) }),
                    Conflicts = e.Conflicts.Select(c => new { c.Field, c.Values, c.Documents }),
                }));
                return 0;
            }
            if (events.Count == 0) Console.WriteLine(resolved.Events(new EventQuery { Limit = 0 }).Total == 0 ? "No events (ingest articles first)." : "No event matches.");
            foreach (var e in events)
            {
                Console.WriteLine($"{text.Date(e),-34}  {Output.Clip(text.Headline(e), 70),-70}  {e.Status,-9}  {e.Reports.Count} report{(e.Reports.Count == 1 ? "" : "s")}");
                Console.WriteLine($"{"",-34}  sources: {Output.Clip(text.Sources(e), 100)}");
                foreach (var c in e.Conflicts) Console.WriteLine($"{"",-34}  CONFLICT {Output.Clip(text.Conflict(c), 100)}");
            }
            return 0;
        }));
        return command;
    }
}
