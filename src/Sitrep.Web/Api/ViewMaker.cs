using Sitrep.Core.Claims;
using Sitrep.Core.Documents;
using Sitrep.Core.Entities;
using Sitrep.Core.Events;
using Sitrep.Core.Time;
using Sitrep.Store;

namespace Sitrep.Web.Api;

/// <summary>Turns stored records into the API's views, looking up only the names and outlets they refer to.</summary>
internal sealed class ViewMaker(IResolutionStore resolved)
{
    public List<EventSummaryView> Summaries(IReadOnlyList<Event> events)
    {
        var entities = resolved.EntitySummaries(events.SelectMany(e => e.Actors.Append(e.Place)).OfType<string>());
        var outlets = resolved.DocumentLabels(events.SelectMany(e => e.Reports.Select(r => r.Document)));
        return events.Select(e => Summary(e, entities, outlets)).ToList();
    }

    private static EventSummaryView Summary(Event e, IReadOnlyDictionary<string, EntitySummary> entities, IReadOnlyDictionary<string, string> outlets)
    {
        var place = e.Place is null ? null
            : entities.TryGetValue(e.Place, out var p) ? new PlaceView(p.Id, p.Name, p.Geo?.Lat, p.Geo?.Lon) : new PlaceView(e.Place, e.Place, null, null);
        return new EventSummaryView(e.Id, e.Type, e.Date?.Value, e.Date?.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.Date?.Precision, e.Date?.FromText ?? false, place,
            e.Actors.Select(a => new NamedView(a, entities.TryGetValue(a, out var x) ? x.Name : a)).ToList(), e.Status, e.Summary,
            e.Quantities.Select(q => q.Text).ToList(), e.Reports.Count,
            e.Reports.Select(r => outlets.GetValueOrDefault(r.Document, r.Document)).Distinct().ToList(), e.Conflicts.Count);
    }

    public EventView Event(Event e)
    {
        var summary = Summaries([e])[0];
        var claims = resolved.ResolvedClaims(e.Reports.Select(r => r.ClaimId).Where(id => id.Length > 0)).ToDictionary(c => c.Id);
        var names = resolved.EntityNames(e.Reports.Select(r => r.Source).OfType<string>());
        var outlets = resolved.DocumentLabels(e.Reports.Select(r => r.Document).Concat(e.Conflicts.SelectMany(c => c.Documents)));
        var reports = e.Reports.Select(r =>
        {
            var claim = claims.GetValueOrDefault(r.ClaimId);
            var span = claim?.Claim.Span ?? r.Span;
            return new ReportView(r.Document, outlets.GetValueOrDefault(r.Document, r.Document), Claim.StanceName(r.Stance),
                r.Source is null ? null : new NamedView(r.Source, names.GetValueOrDefault(r.Source, r.Source)), claim?.SourceText,
                claim?.Id, claim?.Claim.Cue, claim?.Text ?? e.Summary, span.Start, span.End, r.Date?.Value);
        }).ToList();
        var conflicts = e.Conflicts.Select(c => new ConflictView(c.Field,
            c.Values.Zip(c.Documents, (v, d) => new ConflictValueView(v, d, outlets.GetValueOrDefault(d, d))).ToList())).ToList();
        return new EventView(summary, reports, conflicts);
    }

    public EntityView Entity(Entity e)
    {
        var events = resolved.Events(new EventQuery { Involving = [e.Id], Limit = 200 });
        var aliases = e.Aliases.Select(a =>
        {
            var mentions = e.Mentions.Where(m => m.Text == a).ToList();
            var why = a == e.Name ? "canonical name" : e.Reasons.GetValueOrDefault(a, "the same name");
            return new AliasView(a, mentions.Count, mentions.Select(m => m.Document).Distinct().Take(50).ToList(), why);
        }).ToList();
        return new EntityView(e.Id, e.Type, e.Name, e.Geo?.Lat, e.Geo?.Lon, e.Geo?.Kind, e.Geo?.Country, e.Geo?.Ref, aliases,
            Summaries(events.Items), events.Total);
    }

    public List<ClaimView> Claims(IReadOnlyList<ResolvedClaim> claims)
    {
        var names = resolved.EntityNames(claims.Select(c => c.SourceEntity).OfType<string>());
        var outlets = resolved.DocumentLabels(claims.Select(c => c.Document));
        return claims.Select(c => new ClaimView(c.Id, c.Document, outlets.GetValueOrDefault(c.Document, c.Document), c.Claim.Span.Start, c.Claim.Span.End,
            c.Text, c.SourceEntity is null ? null : new NamedView(c.SourceEntity, names.GetValueOrDefault(c.SourceEntity, c.SourceEntity)), c.SourceText,
            c.Claim.Cue, Claim.StanceName(c.Claim.Stance))).ToList();
    }

    public DocumentView Document(Document d)
    {
        var linked = resolved.LinkedMentions(d.Id).ToDictionary(m => m.Span);
        var names = resolved.EntityNames(linked.Values.Select(m => m.Entity));
        var mentions = d.Mentions.Select(m =>
        {
            var entity = linked.TryGetValue(m.Span, out var l) ? l.Entity : null;
            return new SpanView(m.Span.Start, m.Span.End, m.Type, entity is not null ? names.GetValueOrDefault(entity, m.Span.Of(d.Body)) : m.Span.Of(d.Body), entity);
        }).ToList();
        var times = d.Times.Select(t => new SpanView(t.Span.Start, t.Span.End, TimeExpression.TypeName(t.Type), t.Span.Of(d.Body), Value: t.Value)).ToList();
        var quantities = d.Quantities.Select(q => new SpanView(q.Span.Start, q.Span.End, "QUANTITY", q.Span.Of(d.Body),
            Value: q.Unit is null ? Number(q.Value) : $"{Number(q.Value)} {q.Unit}")).ToList();
        var claims = Claims(resolved.ResolvedClaims(new ClaimQuery { Document = d.Id, All = true }).Items);
        var events = Summaries(resolved.Events(new EventQuery { Document = d.Id }).Items);
        return new DocumentView(d.Id, d.Title, d.Outlet, d.Author, d.Url, d.Language, d.Published.Value?.ToString(), d.Published.Source.ToExportName(),
            d.DuplicateOf, d.Body, mentions, times, quantities, claims, events);
    }

    private static string Number(double v) => v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
