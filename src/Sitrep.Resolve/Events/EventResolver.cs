using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sitrep.Core.Claims;
using Sitrep.Core.Documents;
using Sitrep.Core.Entities;
using Sitrep.Core.Events;
using Sitrep.Core.Time;

namespace Sitrep.Resolve.Events;

/// <summary>
/// Turns the event reports of many articles into events. A report takes its roles from resolved entities (so Suzha
/// and Sudzha are one place) and its date from the text's own time expression, else from the article's publication
/// date. Reports join an event of the same type when nothing contradicts (a different place, a doer of another side,
/// dates that cannot meet) and something links them (the same place or doer; for reports naming neither, the same
/// article and day). An undated report may join an event up to a week before its article was published: news reports
/// what just happened. Disagreements between articles on the number, the date or whether it happened are kept as
/// conflicts, not resolved.
/// </summary>
public static class EventResolver
{
    /// <param name="affiliations">Words for a party ("Russian", "Kremlin") and the country they stand for.</param>
    /// <param name="matcher">Whether two reports are one event; <see cref="EventRules.Compare"/> unless given.</param>
    public static Story Resolve(IEnumerable<Document> documents, IReadOnlyList<Entity> entities, IReadOnlyDictionary<string, string> affiliations,
        EventMatcher? matcher = null)
    {
        var byMention = new Dictionary<(string Document, int Start, int End), Entity>();
        foreach (var e in entities)
            foreach (var m in e.Mentions)
                byMention.TryAdd((m.Document, m.Span.Start, m.Span.End), e);
        var byName = new Dictionary<string, Entity>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entities.OrderBy(e => e.Type == "LOC" ? 0 : 1).ThenByDescending(e => e.Mentions.Count))
            foreach (var alias in e.Aliases.Prepend(e.Name))
                byName.TryAdd(alias, e);

        var countries = new HashSet<string>(affiliations.Values, StringComparer.OrdinalIgnoreCase);
        var claims = new List<ResolvedClaim>();
        var reports = new List<Report>();
        var order = 0;
        foreach (var d in documents)
        {
            if (d.DuplicateOf is not null) continue;
            var mentions = d.Mentions.OrderBy(m => m.Span.Start).ToList();
            var docClaims = new List<ResolvedClaim>(d.Claims.Count);
            foreach (var c in d.Claims)
            {
                var source = c.Source is { } s ? HeadMention(d.Id, mentions, s, byMention) : null;
                docClaims.Add(new ResolvedClaim(ClaimId(d.Id, c.Span), d.Id, c, c.Span.Of(d.Body), source?.Id, c.Source?.Of(d.Body)));
            }
            claims.AddRange(docClaims);
            foreach (var e in d.Events)
            {
                var claim = e.Claim is { } ci && ci < docClaims.Count ? docClaims[ci] : null;
                // a nationality stands for its country ("Russian troops" act for Russia); a named actor keeps its side beside it
                var actors = new List<Entity>();
                Entity? side = null;
                string? country = null;
                foreach (var a in e.Actors)
                    // a doer's words may be wider than one name ("Russia's Ministry of Defence"): its head name then
                    if ((byMention.TryGetValue((d.Id, a.Start, a.End), out var named) ? named
                            : HeadMention(d.Id, mentions, a, byMention)) is { } actor)
                    {
                        var party = CountryOf(actor, affiliations, countries);
                        country ??= party;
                        if (side is null && party is not null && byName.TryGetValue(party, out var partyEntity)) side = partyEntity;
                        if (actor.Type == "MISC" && party is not null) continue;
                        if (!actors.Contains(actor)) actors.Add(actor);
                    }
                if (side is not null && !actors.Contains(side)) actors.Add(side);
                var place = e.Place is { } p && byMention.TryGetValue((d.Id, p.Start, p.End), out var pe) && pe.Type == "LOC" ? pe : null;
                var targets = new List<Entity>();
                foreach (var span in e.Targets)
                    if (byMention.TryGetValue((d.Id, span.Start, span.End), out var target) && !targets.Contains(target) && !actors.Contains(target))
                        targets.Add(target);
                var date = e.Time is { } t && d.Times.FirstOrDefault(x => x.Span == t) is { Value: { } v } && EventDate.FromTimex(v) is { } fromText
                    ? fromText
                    : Published(d.Published);
                var quantities = e.Quantities.Select(q => d.Quantities.FirstOrDefault(x => x.Span == q)).Where(q => q.Span.Length > 0)
                    .Select(q => new EventQuantity(q.Value, q.Of, q.Unit, q.Span.Of(d.Body), d.Id)).ToList();
                var source = claim?.Claim.Source is null ? null : claim.SourceEntity ?? claim.SourceText;
                var view = new ReportView(d.Id, e.Type, date, place, actors, country, targets, quantities, source,
                    e.Sentence.Of(d.Body));
                reports.Add(new Report(order++, e, claim, view));
            }
        }
        return new Story(entities, claims, Cluster(reports, matcher ?? EventRules.Compare));
    }

    internal sealed record Report(int Order, EventMention Mention, ResolvedClaim? Claim, ReportView View)
    {
        public string Document => View.Document;
        public EventDate? Date => View.Date;
        public Entity? Place => View.Place;
        public IReadOnlyList<Entity> Actors => View.Actors;
        public string? Party => View.Side;
        public IReadOnlyList<EventQuantity> Quantities => View.Quantities;
        public Stance Stance => Claim?.Claim.Stance ?? Stance.Asserts;
    }

    /// <summary>
    /// Each report joins the first event none of whose reports it is apart from and one of whose reports it is linked
    /// to; text-dated reports go first, so that undated ones join the events they can be placed in.
    /// </summary>
    private static List<Event> Cluster(List<Report> reports, EventMatcher matcher)
    {
        var clusters = new List<List<Report>>();
        foreach (var r in reports.OrderBy(r => r.Date is { FromText: true } ? 0 : 1).ThenBy(r => r.Date?.Days ?? int.MaxValue).ThenBy(r => r.Order))
        {
            var home = clusters.FirstOrDefault(c => c[0].Mention.Type == r.Mention.Type && Joins(c, r, matcher));
            if (home is null) clusters.Add([r]);
            else home.Add(r);
        }
        return [.. clusters.Select(Build).OrderBy(e => e.Date?.From ?? DateOnly.MaxValue).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    private static bool Joins(List<Report> cluster, Report r, EventMatcher matcher)
    {
        var linked = false;
        foreach (var c in cluster)
        {
            var verdict = matcher(c.View, r.View);
            if (verdict == MergeVerdict.Apart) return false;
            linked |= verdict == MergeVerdict.Linked;
        }
        return linked;
    }

    private static Event Build(List<Report> cluster)
    {
        var first = cluster.OrderBy(r => r.Order).First();
        var byDocument = cluster.GroupBy(r => r.Document).Select(g => g.OrderBy(r => r.Order).First()).OrderBy(r => r.Order).ToList();
        var textDates = cluster.Where(r => r.Date is { FromText: true }).Select(r => r.Date!).ToList();
        // the most precise date the text gives, and of those the one most reports give (the earliest on a tie)
        var date = textDates.GroupBy(d => (d.Days, d.From)).OrderBy(g => g.Key.Days).ThenByDescending(g => g.Count()).ThenBy(g => g.Key.From)
                .Select(g => g.First()).FirstOrDefault()
            ?? cluster.Select(r => r.Date).Where(d => d is not null).OrderBy(d => d!.From).FirstOrDefault();
        // the most specific place the reports give: a town over its region, a region over its country
        var place = cluster.Where(r => r.Place is not null).GroupBy(r => r.Place!).OrderBy(g => Breadth(g.Key)).ThenByDescending(g => g.Count())
            .ThenBy(g => g.Min(r => r.Order)).Select(g => g.Key).FirstOrDefault();
        var actors = cluster.SelectMany(r => r.Actors).GroupBy(a => a).OrderByDescending(g => g.Count()).Select(g => g.Key.Id).ToList();
        var targets = cluster.SelectMany(r => r.View.Targets).GroupBy(a => a).OrderByDescending(g => g.Count()).Select(g => g.Key.Id)
            .Where(t => !actors.Contains(t)).ToList();
        var quantities = cluster.SelectMany(r => r.Quantities).GroupBy(q => (q.Value, q.Of, q.Unit)).Select(g => g.First()).ToList();
        var reports = byDocument.Select(r => new EventReport(r.Document, r.Claim?.Id ?? "", r.Mention.Sentence, r.Mention.Trigger, r.Claim?.Claim.Stance ?? Stance.Asserts,
            r.Claim?.SourceEntity ?? r.Claim?.SourceText, r.Date)).ToList();
        var richest = cluster.OrderByDescending(r => (r.Place is null ? 0 : 1) + (r.Actors.Count > 0 ? 1 : 0) + (r.Date is { FromText: true } ? 1 : 0) + r.Quantities.Count)
            .ThenBy(r => r.Order).First();
        return new Event(
            "v-" + Hash(first.Document + "\0" + first.Mention.Type + "\0" + first.Mention.Trigger.Start.ToString(CultureInfo.InvariantCulture)),
            first.Mention.Type, date, place?.Id, actors, Summary(richest.View.Sentence), quantities, Status(byDocument), reports,
            EventConflicts.Of(cluster, byDocument))
        {
            Targets = targets,
        };
    }

    /// <summary>
    /// denied when every report denies, disputed when some deny and others do not, confirmed when someone checked it,
    /// reported when an outlet states it in its own voice, claimed when it rests only on what a party or source says.
    /// </summary>
    private static string Status(List<Report> reports)
    {
        var stances = reports.Select(r => r.Claim?.Claim.Stance ?? Stance.Asserts).ToList();
        if (stances.Contains(Stance.Denies)) return stances.All(s => s == Stance.Denies) ? "denied" : "disputed";
        if (stances.Contains(Stance.Confirms)) return "confirmed";
        if (reports.Any(r => r.Claim is null || (r.Claim.Claim.Source is null && r.Claim.Claim.Stance == Stance.Asserts))) return "reported";
        return "claimed";
    }

    private static int Breadth(Entity place) => place.Geo?.Kind switch { "country" => 2, "admin1" => 1, _ => 0 };

    private static string Summary(string sentence)
    {
        var s = sentence.ReplaceLineEndings(" ").Trim();
        return s.Length <= 200 ? s : s[..197].TrimEnd() + "…";
    }

    /// <summary>Where a report's dates fall back to: the publication day, or the days of its range.</summary>
    private static EventDate? Published(PublicationDate p)
    {
        if (p.From is { } from && p.To is { } to) return new EventDate(from, to, "range", false);
        if (p.Value?.AsDay is { } day) return new EventDate(day, day, "day", false);
        return null;
    }

    /// <summary>The entity a source's words name: a person before an organisation before a place ("Russia's Ministry of Defence" is the ministry).</summary>
    private static Entity? HeadMention(string document, List<Mention> mentions, TextSpan source, Dictionary<(string, int, int), Entity> byMention)
    {
        Entity? best = null;
        var bestRank = int.MaxValue;
        foreach (var m in mentions)
        {
            if (m.Span.Start >= source.End) break;
            if (!source.Contains(m.Span) || !byMention.TryGetValue((document, m.Span.Start, m.Span.End), out var e)) continue;
            var rank = m.Type switch { "PER" => 0, "ORG" => 1, "LOC" => 2, _ => 3 };
            if (rank <= bestRank) (best, bestRank) = (e, rank);
        }
        return best;
    }

    /// <summary>The country an actor stands for: "Russian troops" and "the Kremlin" act for Russia.</summary>
    private static string? CountryOf(Entity actor, IReadOnlyDictionary<string, string> affiliations, HashSet<string> countries)
    {
        if (countries.TryGetValue(actor.Name, out var named)) return named;
        string? country = null;
        foreach (var name in actor.Aliases.Prepend(actor.Name))
        {
            if (affiliations.TryGetValue(name, out country)) break;
            foreach (var word in name.Split(' ', '-'))
            {
                var w = word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;
                if (affiliations.TryGetValue(w, out country) || (countries.Contains(w) && (country = w) is not null)) break;
            }
            if (country is not null) break;
        }
        return country is not null && countries.TryGetValue(country, out var canonical) ? canonical : country;
    }

    private static string ClaimId(string document, TextSpan span) => "c-" + Hash(document + "\0" + span.Start.ToString(CultureInfo.InvariantCulture));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
