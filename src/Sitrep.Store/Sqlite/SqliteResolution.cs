using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Core.Claims;
using Sitrep.Core.Documents;
using Sitrep.Core.Entities;
using Sitrep.Core.Events;

namespace Sitrep.Store.Sqlite;

/// <summary>The stored resolution: written whole after a batch is resolved, read through indexes by every query.</summary>
public sealed partial class SqliteDocumentStore
{
    private static readonly string[] ResolutionTables =
        ["entities", "entity_aliases", "entity_mentions", "resolved_claims", "events", "event_actors", "event_documents", "events_fts"];

    public long InputGeneration() => Convert.ToInt64(Scalar("SELECT generation FROM resolution_state"), CultureInfo.InvariantCulture);

    public bool ResolutionCurrent() => Scalar("SELECT 1 FROM resolution_state WHERE generation = resolved_generation") is not null;

    public void SaveResolution(Story story, long generation, Func<string, string> nameKey)
    {
        var own = _tx is null ? Begin() : null;
        foreach (var table in ResolutionTables) Exec($"DELETE FROM {table}");
        WriteEntities(story.Entities, nameKey);
        WriteResolvedClaims(story.Claims);
        WriteEvents(story);
        using (var c = Command("UPDATE resolution_state SET resolved_generation = $g, resolved_at = $t", ("$g", generation), ("$t", Now())))
            c.ExecuteNonQuery();
        own?.Commit();
        own?.Dispose();
    }

    private void WriteEntities(IReadOnlyList<Entity> entities, Func<string, string> nameKey)
    {
        using var e = Command("INSERT INTO entities VALUES ($id, $seq, $type, $name, $m, $d, $lat, $lon, $ref, $kind, $country, $reasons)",
            ("$id", ""), ("$seq", 0), ("$type", ""), ("$name", ""), ("$m", 0), ("$d", 0), ("$lat", null), ("$lon", null), ("$ref", null), ("$kind", null),
            ("$country", null), ("$reasons", ""));
        using var a = Command("INSERT INTO entity_aliases VALUES ($e, $seq, $alias, $key)", ("$e", ""), ("$seq", 0), ("$alias", ""), ("$key", ""));
        using var m = Command("INSERT OR IGNORE INTO entity_mentions VALUES ($doc, $s, $end, $e, $ord, $type, $text)",
            ("$doc", ""), ("$s", 0), ("$end", 0), ("$e", ""), ("$ord", 0), ("$type", ""), ("$text", ""));
        for (var i = 0; i < entities.Count; i++)
        {
            var x = entities[i];
            Set(e, ("$id", x.Id), ("$seq", i), ("$type", x.Type), ("$name", x.Name), ("$m", x.Mentions.Count),
                ("$d", x.Mentions.Select(y => y.Document).Distinct().Count()), ("$lat", x.Geo?.Lat), ("$lon", x.Geo?.Lon), ("$ref", x.Geo?.Ref),
                ("$kind", x.Geo?.Kind), ("$country", x.Geo?.Country),
                ("$reasons", JsonSerializer.Serialize(x.Reasons.ToDictionary(), StoreJson.Default.DictionaryStringString)));
            e.ExecuteNonQuery();
            for (var j = 0; j < x.Aliases.Count; j++)
            {
                Set(a, ("$e", x.Id), ("$seq", j), ("$alias", x.Aliases[j]), ("$key", nameKey(x.Aliases[j])));
                a.ExecuteNonQuery();
            }
            for (var j = 0; j < x.Mentions.Count; j++)
            {
                var y = x.Mentions[j];
                Set(m, ("$doc", y.Document), ("$s", y.Span.Start), ("$end", y.Span.End), ("$e", x.Id), ("$ord", j), ("$type", y.Type), ("$text", y.Text));
                m.ExecuteNonQuery();
            }
        }
    }

    private void WriteResolvedClaims(IReadOnlyList<ResolvedClaim> claims)
    {
        using var c = Command("INSERT OR IGNORE INTO resolved_claims VALUES ($id, $seq, $doc, $s, $e, $ss, $se, $cue, $stance, $text, $src, $srct)",
            ("$id", ""), ("$seq", 0), ("$doc", ""), ("$s", 0), ("$e", 0), ("$ss", null), ("$se", null), ("$cue", null), ("$stance", ""), ("$text", ""),
            ("$src", null), ("$srct", null));
        for (var i = 0; i < claims.Count; i++)
        {
            var x = claims[i];
            Set(c, ("$id", x.Id), ("$seq", i), ("$doc", x.Document), ("$s", x.Claim.Span.Start), ("$e", x.Claim.Span.End), ("$ss", x.Claim.Source?.Start),
                ("$se", x.Claim.Source?.End), ("$cue", x.Claim.Cue), ("$stance", Claim.StanceName(x.Claim.Stance)), ("$text", x.Text),
                ("$src", x.SourceEntity), ("$srct", x.SourceText));
            c.ExecuteNonQuery();
        }
    }

    private void WriteEvents(Story story)
    {
        var names = story.Entities.ToDictionary(e => e.Id, e => e.Name);
        var claimText = story.Claims.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First().Text);
        using var ev = Command("INSERT INTO events VALUES ($id, $seq, $type, $from, $to, $place, $status, $reports, $json)",
            ("$id", ""), ("$seq", 0), ("$type", ""), ("$from", null), ("$to", null), ("$place", null), ("$status", ""), ("$reports", 0), ("$json", ""));
        using var actor = Command("INSERT OR IGNORE INTO event_actors VALUES ($e, $ev)", ("$e", ""), ("$ev", ""));
        using var doc = Command("INSERT OR IGNORE INTO event_documents VALUES ($d, $ev)", ("$d", ""), ("$ev", ""));
        using var fts = Command("INSERT INTO events_fts (id, text) VALUES ($ev, $text)", ("$ev", ""), ("$text", ""));
        for (var i = 0; i < story.Events.Count; i++)
        {
            var x = story.Events[i];
            Set(ev, ("$id", x.Id), ("$seq", i), ("$type", x.Type), ("$from", Day(x.Date?.From)), ("$to", Day(x.Date?.To)), ("$place", x.Place),
                ("$status", x.Status), ("$reports", x.Reports.Count), ("$json", JsonSerializer.Serialize(x, StoreJson.Default.Event)));
            ev.ExecuteNonQuery();
            foreach (var a in x.Actors)
            {
                Set(actor, ("$e", a), ("$ev", x.Id));
                actor.ExecuteNonQuery();
            }
            foreach (var r in x.Reports)
            {
                Set(doc, ("$d", r.Document), ("$ev", x.Id));
                doc.ExecuteNonQuery();
            }
            // what a search should find an event by: its kind, its names, its summary and the sentences reporting it
            var text = new StringBuilder(x.Type.Replace('_', ' ')).Append('\n').Append(x.Summary);
            foreach (var id in x.Actors.Prepend(x.Place).OfType<string>()) text.Append('\n').Append(names.GetValueOrDefault(id, id));
            foreach (var r in x.Reports) if (claimText.TryGetValue(r.ClaimId, out var t)) text.Append('\n').Append(t);
            Set(fts, ("$ev", x.Id), ("$text", text.ToString()));
            fts.ExecuteNonQuery();
        }
    }

    public Story LoadStory()
    {
        var mentions = new Dictionary<string, List<EntityMention>>();
        using (var c = Command("SELECT entity, document, start, end, type, text FROM entity_mentions ORDER BY entity, ord"))
        using (var r = c.ExecuteReader())
            while (r.Read())
            {
                if (!mentions.TryGetValue(r.GetString(0), out var list)) mentions[r.GetString(0)] = list = [];
                list.Add(new EntityMention(r.GetString(1), new TextSpan(r.GetInt32(2), r.GetInt32(3)), r.GetString(4), r.GetString(5)));
            }
        var entities = ReadEntities("ORDER BY seq", [], id => mentions.GetValueOrDefault(id) ?? []);
        var claims = ReadClaims("SELECT " + ClaimColumns + " FROM resolved_claims ORDER BY seq");
        var events = ReadEvents("SELECT json FROM events ORDER BY seq");
        return new Story(entities, claims, events);
    }

    public IReadOnlyList<string> EntitiesNamed(string name, string? key, bool partOfKey = false)
    {
        var sql = "SELECT DISTINCT entity FROM entity_aliases WHERE alias = $n" + (key is null ? "" : " OR key = $k") +
                  (partOfKey && key is not null ? " OR key LIKE $k || ' %' OR key LIKE '% ' || $k OR key LIKE '% ' || $k || ' %'" : "");
        using var c = Command(sql, ("$n", name), ("$k", key));
        return ReadStrings(c);
    }

    public Page<EntitySummary> Entities(string? name, string? key, string? type, int offset, int limit)
    {
        var where = new List<string>();
        var args = new List<(string, object?)>();
        if (name is not null)
        {
            where.Add("id IN (SELECT entity FROM entity_aliases WHERE alias LIKE $n ESCAPE '\\' OR key = $k)");
            args.Add(("$n", "%" + name.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%"));
            args.Add(("$k", key ?? name));
        }
        if (type is not null) { where.Add("type = $t"); args.Add(("$t", type)); }
        var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        var total = Convert.ToInt32(Scalar("SELECT COUNT(*) FROM entities" + filter, [.. args]), CultureInfo.InvariantCulture);
        using var c = Command($"SELECT id, type, name, mentions, documents, lat, lon, geo_ref, geo_kind, country FROM entities{filter} " +
                              "ORDER BY mentions DESC, seq LIMIT $limit OFFSET $offset", [.. args, ("$limit", limit), ("$offset", offset)]);
        using var r = c.ExecuteReader();
        var list = new List<EntitySummary>();
        while (r.Read())
            list.Add(new EntitySummary(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), Geo(r, 5)));
        return new Page<EntitySummary>(list, total, offset);
    }

    public Entity? Entity(string id)
    {
        using var c = Command("SELECT document, start, end, type, text FROM entity_mentions WHERE entity = $id ORDER BY ord", ("$id", id));
        var mentions = new List<EntityMention>();
        using (var r = c.ExecuteReader())
            while (r.Read()) mentions.Add(new EntityMention(r.GetString(0), new TextSpan(r.GetInt32(1), r.GetInt32(2)), r.GetString(3), r.GetString(4)));
        return ReadEntities("WHERE id = $id", [("$id", id)], _ => mentions).FirstOrDefault();
    }

    public IReadOnlyList<Entity> EntitiesIn(IEnumerable<string> documents)
    {
        var mentions = new Dictionary<string, List<EntityMention>>();
        using (var c = Command("SELECT entity, document, start, end, type, text FROM entity_mentions WHERE document = $d ORDER BY start", ("$d", "")))
            foreach (var d in documents.Distinct())
            {
                c.Parameters["$d"].Value = d;
                using var r = c.ExecuteReader();
                while (r.Read())
                {
                    if (!mentions.TryGetValue(r.GetString(0), out var list)) mentions[r.GetString(0)] = list = [];
                    list.Add(new EntityMention(r.GetString(1), new TextSpan(r.GetInt32(2), r.GetInt32(3)), r.GetString(4), r.GetString(5)));
                }
            }
        return mentions.SelectMany(m => ReadEntities("WHERE id = $id", [("$id", m.Key)], _ => m.Value)).ToList();
    }

    private List<Entity> ReadEntities(string tail, (string, object?)[] args, Func<string, IReadOnlyList<EntityMention>> mentions)
    {
        var aliases = new Dictionary<string, List<string>>();
        var aliasFilter = tail.StartsWith("WHERE", StringComparison.Ordinal) ? " WHERE entity = $id" : "";
        using (var c = Command("SELECT entity, alias FROM entity_aliases" + aliasFilter + " ORDER BY entity, seq", args))
        using (var r = c.ExecuteReader())
            while (r.Read())
            {
                if (!aliases.TryGetValue(r.GetString(0), out var list)) aliases[r.GetString(0)] = list = [];
                list.Add(r.GetString(1));
            }
        using var e = Command("SELECT id, type, name, reasons_json, lat, lon, geo_ref, geo_kind, country FROM entities " + tail, args);
        using var er = e.ExecuteReader();
        var entities = new List<Entity>();
        while (er.Read())
        {
            var id = er.GetString(0);
            var reasons = JsonSerializer.Deserialize(er.GetString(3), StoreJson.Default.DictionaryStringString) ?? [];
            entities.Add(new Entity(id, er.GetString(1), er.GetString(2), aliases.GetValueOrDefault(id) ?? [], mentions(id), reasons) { Geo = Geo(er, 4) });
        }
        return entities;
    }

    private static GeoPoint? Geo(SqliteDataReader r, int at) => r.IsDBNull(at) ? null
        : new GeoPoint(r.GetDouble(at), r.GetDouble(at + 1), r.GetString(at + 2), r.GetString(at + 3), r.GetString(at + 4));

    public IReadOnlyDictionary<string, string> EntityNames(IEnumerable<string> ids)
    {
        var names = new Dictionary<string, string>();
        using var c = Command("SELECT name FROM entities WHERE id = $id", ("$id", ""));
        foreach (var id in ids.Distinct())
        {
            c.Parameters["$id"].Value = id;
            if (c.ExecuteScalar() is string name) names[id] = name;
        }
        return names;
    }

    public IReadOnlyDictionary<string, EntitySummary> EntitySummaries(IEnumerable<string> ids)
    {
        var found = new Dictionary<string, EntitySummary>();
        using var c = Command("SELECT id, type, name, mentions, documents, lat, lon, geo_ref, geo_kind, country FROM entities WHERE id = $id", ("$id", ""));
        foreach (var id in ids.Distinct())
        {
            c.Parameters["$id"].Value = id;
            using var r = c.ExecuteReader();
            if (r.Read()) found[id] = new EntitySummary(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), Geo(r, 5));
        }
        return found;
    }

    public IReadOnlyList<LinkedMention> LinkedMentions(string document)
    {
        using var c = Command("SELECT start, end, type, text, entity FROM entity_mentions WHERE document = $d ORDER BY start", ("$d", document));
        using var r = c.ExecuteReader();
        var list = new List<LinkedMention>();
        while (r.Read()) list.Add(new LinkedMention(new TextSpan(r.GetInt32(0), r.GetInt32(1)), r.GetString(2), r.GetString(3), r.GetString(4)));
        return list;
    }

    public Page<Event> Events(EventQuery q)
    {
        var where = new List<string>();
        var args = new List<(string, object?)>();
        void Add(string condition, params (string, object?)[] values)
        {
            where.Add(condition);
            args.AddRange(values);
        }
        if (q.From is { } from) Add("date_to >= $from", ("$from", Day(from)));
        if (q.To is { } to) Add("date_from <= $to", ("$to", Day(to)));
        if (q.Type is not null) Add("type = $type", ("$type", q.Type));
        if (q.Status is not null) Add("status = $status", ("$status", q.Status));
        if (q.Places is not null) Add($"place IN ({List("$p", q.Places, args)})");
        if (q.Actors is not null) Add($"id IN (SELECT event FROM event_actors WHERE entity IN ({List("$a", q.Actors, args)}))");
        if (q.Involving is not null)
        {
            var ids = List("$i", q.Involving, args);
            Add($"(place IN ({ids}) OR id IN (SELECT event FROM event_actors WHERE entity IN ({ids})))");
        }
        if (q.Document is not null) Add("id IN (SELECT event FROM event_documents WHERE document = $doc)", ("$doc", q.Document));
        if (q.Text is not null) Add("id IN (SELECT id FROM events_fts WHERE events_fts MATCH $q)", ("$q", FtsQuery(q.Text)));
        var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        var total = Convert.ToInt32(Scalar("SELECT COUNT(*) FROM events" + filter, [.. args]), CultureInfo.InvariantCulture);
        var items = ReadEvents($"SELECT json FROM events{filter} ORDER BY seq LIMIT $limit OFFSET $offset",
            [.. args, ("$limit", q.Limit), ("$offset", q.Offset)]);
        return new Page<Event>(items, total, q.Offset);
    }

    public Event? Event(string id) => ReadEvents("SELECT json FROM events WHERE id = $id", ("$id", id)).FirstOrDefault();

    private List<Event> ReadEvents(string sql, params (string, object?)[] args)
    {
        using var c = Command(sql, args);
        using var r = c.ExecuteReader();
        var list = new List<Event>();
        while (r.Read()) list.Add(JsonSerializer.Deserialize(r.GetString(0), StoreJson.Default.Event)!);
        return list;
    }

    private const string ClaimColumns = "id, document, start, end, source_start, source_end, cue, stance, text, source_entity, source_text";

    public Page<ResolvedClaim> ResolvedClaims(ClaimQuery q)
    {
        var where = new List<string>();
        var args = new List<(string, object?)>();
        if (!q.All) where.Add("c.source_start IS NOT NULL");
        if (q.Sources is not null) where.Add($"c.source_entity IN ({List("$s", q.Sources, args)})");
        if (q.Document is not null)
        {
            where.Add("c.document = $doc");
            args.Add(("$doc", q.Document));
        }
        // from the entity's mentions to the claims around them, so only that entity's documents are read
        if (q.About is not null)
            where.Add("c.id IN (SELECT a.id FROM entity_mentions m JOIN resolved_claims a ON a.document = m.document AND a.start <= m.start " +
                      $"AND m.end <= a.end WHERE m.entity IN ({List("$a", q.About, args)}))");
        var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        var total = Convert.ToInt32(Scalar("SELECT COUNT(*) FROM resolved_claims c" + filter, [.. args]), CultureInfo.InvariantCulture);
        var items = ReadClaims($"SELECT {string.Join(", ", ClaimColumns.Split(", ").Select(x => "c." + x))} FROM resolved_claims c{filter} " +
                               "ORDER BY c.seq LIMIT $limit OFFSET $offset", [.. args, ("$limit", q.Limit), ("$offset", q.Offset)]);
        return new Page<ResolvedClaim>(items, total, q.Offset);
    }

    public IReadOnlyList<ResolvedClaim> ResolvedClaims(IEnumerable<string> ids)
    {
        var list = new List<ResolvedClaim>();
        foreach (var id in ids.Distinct()) list.AddRange(ReadClaims($"SELECT {ClaimColumns} FROM resolved_claims WHERE id = $id", ("$id", id)));
        return list;
    }

    private List<ResolvedClaim> ReadClaims(string sql, params (string, object?)[] args)
    {
        using var c = Command(sql, args);
        using var r = c.ExecuteReader();
        var list = new List<ResolvedClaim>();
        while (r.Read())
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            var claim = new Claim(new TextSpan(r.GetInt32(2), r.GetInt32(3)), r.IsDBNull(4) ? null : new TextSpan(r.GetInt32(4), r.GetInt32(5)),
                S(6), Claim.ParseStance(r.GetString(7)));
            list.Add(new ResolvedClaim(r.GetString(0), r.GetString(1), claim, r.GetString(8), S(9), S(10)));
        }
        return list;
    }

    public IReadOnlyDictionary<string, string> DocumentLabels(IEnumerable<string>? ids = null)
    {
        var labels = new Dictionary<string, string>();
        using var c = Command("SELECT id, outlet, title, source FROM documents" + (ids is null ? "" : " WHERE id = $id"), ("$id", ""));
        foreach (var id in ids?.Distinct() ?? [""])
        {
            c.Parameters["$id"].Value = id;
            using var r = c.ExecuteReader();
            while (r.Read())
                labels[r.GetString(0)] = !r.IsDBNull(1) ? r.GetString(1) : !r.IsDBNull(2) ? r.GetString(2) : Path.GetFileName(r.GetString(3));
        }
        return labels;
    }

    public Page<string> SearchDocuments(string query, int offset, int limit)
    {
        var fts = FtsQuery(query);
        var total = Convert.ToInt32(Scalar("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH $q", ("$q", fts)), CultureInfo.InvariantCulture);
        using var c = Command("SELECT d.id FROM documents_fts f JOIN documents d ON d.seq = f.rowid WHERE documents_fts MATCH $q " +
                              "ORDER BY f.rank LIMIT $limit OFFSET $offset", ("$q", fts), ("$limit", limit), ("$offset", offset));
        return new Page<string>(ReadStrings(c), total, offset);
    }

    /// <summary>A user's words as an FTS5 query: every word must occur (as a prefix); no operator of FTS5's syntax gets through.</summary>
    private static string FtsQuery(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var ch in text.Append(' '))
            if (char.IsLetterOrDigit(ch)) word.Append(ch);
            else if (word.Length > 0)
            {
                words.Add("\"" + word + "\"*");
                word.Clear();
            }
        return words.Count == 0 ? "\"\"" : string.Join(" ", words);
    }

    private static string List(string prefix, IReadOnlyCollection<string> values, List<(string, object?)> args)
    {
        if (values.Count == 0) return "NULL";
        var names = new List<string>();
        foreach (var v in values)
        {
            var name = prefix + args.Count.ToString(CultureInfo.InvariantCulture);
            names.Add(name);
            args.Add((name, v));
        }
        return string.Join(", ", names);
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Set(SqliteCommand c, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values) c.Parameters[name].Value = value ?? DBNull.Value;
    }
}
