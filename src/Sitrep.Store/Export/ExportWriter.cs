using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Core.Documents;
using Sitrep.Core.Claims;
using Sitrep.Core.Entities;
using Sitrep.Core.Events;
using Sitrep.Core.Time;

namespace Sitrep.Store.Export;

public enum ExportFormat { Json, Jsonl, Csv, GeoJson }

/// <summary>
/// Writes the store in the public export format, version 1 (spec/export-v1.md). Streams record by record, so an
/// export never holds the corpus's documents in memory; entities, claims and events come resolved.
/// </summary>
public static class ExportWriter
{
    public const int Version = 1;

    /// <summary>The record kinds of the format, in order; each becomes an array in JSON and a file in CSV.</summary>
    public static readonly string[] Kinds = ["documents", "entities", "times", "quantities", "claims", "events"];

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteJson(IDocumentStore store, Story story, Stream output, DateTimeOffset generated)
    {
        using var w = new Utf8JsonWriter(output, WriterOptions);
        w.WriteStartObject();
        w.WriteString("format", "sitrep-export");
        w.WriteNumber("version", Version);
        w.WriteString("generated", generated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        WriteArray(w, "documents", store.Documents(), WriteDocument);
        WriteArray(w, "entities", story.Entities, WriteEntity);
        WriteArray(w, "times", store.AllTimes(), WriteTime);
        WriteArray(w, "quantities", store.AllQuantities(), WriteQuantity);
        WriteArray(w, "claims", story.Claims, WriteClaim);
        WriteArray(w, "events", story.Events, WriteEvent);
        w.WriteEndObject();
    }

    public static void WriteJsonLines(IDocumentStore store, Story story, Stream output, DateTimeOffset generated)
    {
        var options = new JsonWriterOptions { Encoder = WriterOptions.Encoder };
        using var w = new Utf8JsonWriter(output, options);
        void EndLine() { w.Flush(); output.WriteByte((byte)'\n'); w.Reset(); }
        w.WriteStartObject();
        w.WriteString("kind", "header");
        w.WriteString("format", "sitrep-export");
        w.WriteNumber("version", Version);
        w.WriteString("generated", generated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        w.WriteEndObject();
        EndLine();
        void Lines<T>(IEnumerable<T> items, string kind, Action<Utf8JsonWriter, T, string?> write)
        {
            foreach (var item in items)
            {
                write(w, item, kind);
                EndLine();
            }
        }
        Lines(store.Documents(), "document", WriteDocument);
        Lines(story.Entities, "entity", WriteEntity);
        Lines(store.AllTimes(), "time", WriteTime);
        Lines(store.AllQuantities(), "quantity", WriteQuantity);
        Lines(story.Claims, "claim", WriteClaim);
        Lines(story.Events, "event", WriteEvent);
    }

    /// <summary>Streams one record kind as a JSON array, flushing as it goes so memory stays flat.</summary>
    private static void WriteArray<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T, string?> write)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            write(w, item, null);
            if (w.BytesPending > 1 << 16) w.Flush();
        }
        w.WriteEndArray();
    }

    private static void WriteClaim(Utf8JsonWriter w, ResolvedClaim c, string? kind = null)
    {
        w.WriteStartObject();
        if (kind is not null) w.WriteString("kind", kind);
        w.WriteString("id", c.Id);
        w.WriteString("document", c.Document);
        w.WriteNumber("start", c.Claim.Span.Start);
        w.WriteNumber("end", c.Claim.Span.End);
        w.WriteString("text", c.Text);
        w.WriteString("source", c.SourceEntity);
        w.WriteString("source_text", c.SourceText);
        w.WriteString("cue", c.Claim.Cue);
        w.WriteString("stance", Claim.StanceName(c.Claim.Stance));
        if (c.Claim.Source is { } s)
        {
            w.WriteNumber("source_start", s.Start);
            w.WriteNumber("source_end", s.End);
        }
        w.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter w, Event e, string? kind = null)
    {
        w.WriteStartObject();
        if (kind is not null) w.WriteString("kind", kind);
        w.WriteString("id", e.Id);
        w.WriteString("type", e.Type);
        w.WriteString("date", e.Date?.Value);
        w.WriteString("date_precision", e.Date?.Precision);
        w.WriteString("date_from", e.Date is null ? null : e.Date.FromText ? "text" : "published");
        if (e.Date is { Precision: "range" } range)
        {
            w.WriteStartArray("date_range");
            w.WriteStringValue(Day(range.From));
            w.WriteStringValue(Day(range.To));
            w.WriteEndArray();
        }
        w.WriteString("place", e.Place);
        w.WriteStartArray("actors");
        foreach (var a in e.Actors) w.WriteStringValue(a);
        w.WriteEndArray();
        w.WriteStartArray("targets");
        foreach (var t in e.Targets) w.WriteStringValue(t);
        w.WriteEndArray();
        w.WriteString("summary", e.Summary);
        w.WriteStartArray("quantities");
        foreach (var q in e.Quantities)
        {
            w.WriteStartObject();
            w.WriteNumber("value", q.Value);
            if (q.Of is { } of) w.WriteNumber("of", of);
            w.WriteString("unit", q.Unit);
            w.WriteString("text", q.Text);
            w.WriteString("document", q.Document);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("status", e.Status);
        w.WriteStartArray("reports");
        foreach (var r in e.Reports)
        {
            w.WriteStartObject();
            w.WriteString("document", r.Document);
            w.WriteString("claim", r.ClaimId);
            w.WriteNumber("start", r.Span.Start);
            w.WriteNumber("end", r.Span.End);
            w.WriteNumber("trigger_start", r.Trigger.Start);
            w.WriteNumber("trigger_end", r.Trigger.End);
            w.WriteString("stance", Claim.StanceName(r.Stance));
            w.WriteString("date", r.Date?.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("conflicts");
        foreach (var c in e.Conflicts)
        {
            w.WriteStartObject();
            w.WriteString("field", c.Field);
            w.WriteStartArray("values");
            foreach (var v in c.Values) w.WriteStringValue(v);
            w.WriteEndArray();
            w.WriteStartArray("documents");
            foreach (var d in c.Documents) w.WriteStringValue(d);
            w.WriteEndArray();
            w.WriteStartArray("claims");
            foreach (var claim in c.Claims) w.WriteStringValue(claim);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteQuantity(Utf8JsonWriter w, StoredQuantity s, string? kind = null)
    {
        var q = s.Quantity;
        w.WriteStartObject();
        if (kind is not null) w.WriteString("kind", kind);
        w.WriteString("document", s.Document);
        w.WriteNumber("start", q.Span.Start);
        w.WriteNumber("end", q.Span.End);
        w.WriteString("text", s.Text);
        w.WriteNumber("value", q.Value);
        if (q.Of is { } of) w.WriteNumber("of", of); else w.WriteNull("of");
        w.WriteString("unit", q.Unit);
        w.WriteString("modifier", Quantity.ModifierName(q.Modifier));
        if (q.To is { } to) w.WriteNumber("to", to);
        w.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter w, StoredTime t, string? kind = null)
    {
        w.WriteStartObject();
        if (kind is not null) w.WriteString("kind", kind);
        w.WriteString("document", t.Document);
        w.WriteNumber("start", t.Time.Span.Start);
        w.WriteNumber("end", t.Time.Span.End);
        w.WriteString("text", t.Text);
        w.WriteString("type", TimeExpression.TypeName(t.Time.Type));
        w.WriteString("value", t.Time.Value);
        if (t.Time.Mod is not null) w.WriteString("mod", t.Time.Mod);
        w.WriteEndObject();
    }

    private static void WriteEntity(Utf8JsonWriter w, Entity e, string? kind = null)
    {
        w.WriteStartObject();
        if (kind is not null) w.WriteString("kind", kind);
        w.WriteString("id", e.Id);
        w.WriteString("type", e.Type);
        w.WriteString("name", e.Name);
        w.WriteStartArray("aliases");
        foreach (var a in e.Aliases) w.WriteStringValue(a);
        w.WriteEndArray();
        w.WriteStartArray("mentions");
        foreach (var m in e.Mentions)
        {
            w.WriteStartObject();
            w.WriteString("document", m.Document);
            w.WriteNumber("start", m.Span.Start);
            w.WriteNumber("end", m.Span.End);
            w.WriteString("text", m.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (e.Geo is { } g)
        {
            w.WriteStartObject("geo");
            w.WriteNumber("lat", g.Lat);
            w.WriteNumber("lon", g.Lon);
            w.WriteString("ref", g.Ref);
            w.WriteString("kind", g.Kind);
            w.WriteString("country", g.Country);
            w.WriteEndObject();
        }
        else w.WriteNull("geo");
        w.WriteEndObject();
    }

    /// <summary>
    /// GeoJSON: one Point feature per event whose place has coordinates (properties.kind "event"), then one per place
    /// (properties.kind "place"), so one file shows what happened where and every place the stories name.
    /// </summary>
    public static void WriteGeoJson(Story story, Stream output)
    {
        using var w = new Utf8JsonWriter(output, WriterOptions);
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        var places = story.Entities.Where(e => e.Geo is not null).ToDictionary(e => e.Id);
        foreach (var v in story.Events)
        {
            if (v.Place is null || !places.TryGetValue(v.Place, out var at)) continue;
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", v.Id);
            WritePoint(w, at.Geo!);
            w.WriteStartObject("properties");
            w.WriteString("kind", "event");
            w.WriteString("type", v.Type);
            w.WriteString("date", v.Date?.Value);
            w.WriteString("date_precision", v.Date?.Precision);
            w.WriteString("place", at.Id);
            w.WriteString("place_name", at.Name);
            w.WriteString("status", v.Status);
            w.WriteString("summary", v.Summary);
            w.WriteNumber("reports", v.Reports.Count);
            w.WriteNumber("conflicts", v.Conflicts.Count);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        foreach (var e in places.Values)
        {
            var g = e.Geo!;
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", e.Id);
            WritePoint(w, g);
            w.WriteStartObject("properties");
            w.WriteString("kind", "place");
            w.WriteString("name", e.Name);
            w.WriteString("place_kind", g.Kind);
            w.WriteString("country", g.Country);
            w.WriteString("ref", g.Ref);
            w.WriteNumber("mentions", e.Mentions.Count);
            w.WriteNumber("documents", e.Mentions.Select(m => m.Document).Distinct().Count());
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePoint(Utf8JsonWriter w, GeoPoint g)
    {
        w.WriteStartObject("geometry");
        w.WriteString("type", "Point");
        w.WriteStartArray("coordinates");
        w.WriteNumberValue(g.Lon);
        w.WriteNumberValue(g.Lat);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One CSV file per record kind in <paramref name="directory"/>: documents.csv, entities.csv, …</summary>
    public static IReadOnlyList<string> WriteCsv(IDocumentStore store, Story story, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var docs = Path.Combine(directory, "documents.csv");
        using (var f = new StreamWriter(docs, false, new UTF8Encoding(false)))
        {
            Csv.Row(f, "id", "source", "outlet", "title", "author", "language", "published", "published_precision", "published_range_from", "published_range_to",
                "published_from", "duplicate_of", "body", "url", "decoding");
            foreach (var d in store.Documents())
            {
                var p = d.Published;
                Csv.Row(f, d.Id, d.Source, d.Outlet, d.Title, d.Author, d.Language, p.Value?.ToString(), p.Precision.ToExportName(), Day(p.From), Day(p.To),
                    p.Source.ToExportName(), d.DuplicateOf, d.Body, d.Url, d.DecodedLossily ? "lossy" : "exact");
            }
        }
        written.Add(docs);
        var entityFile = Path.Combine(directory, "entities.csv");
        var mentions = Path.Combine(directory, "mentions.csv");
        using (var f = new StreamWriter(entityFile, false, new UTF8Encoding(false)))
        using (var fm = new StreamWriter(mentions, false, new UTF8Encoding(false)))
        {
            Csv.Row(f, "id", "type", "name", "aliases", "mention_count", "lat", "lon", "geo_ref", "geo_kind", "country");
            Csv.Row(fm, "entity", "document", "start", "end", "text");
            foreach (var e in story.Entities)
            {
                Csv.Row(f, e.Id, e.Type, e.Name, string.Join("|", e.Aliases), e.Mentions.Count.ToString(CultureInfo.InvariantCulture),
                    e.Geo?.Lat.ToString(CultureInfo.InvariantCulture), e.Geo?.Lon.ToString(CultureInfo.InvariantCulture), e.Geo?.Ref, e.Geo?.Kind, e.Geo?.Country);
                foreach (var m in e.Mentions)
                    Csv.Row(fm, e.Id, m.Document, m.Span.Start.ToString(CultureInfo.InvariantCulture), m.Span.End.ToString(CultureInfo.InvariantCulture), m.Text);
            }
        }
        written.Add(entityFile);
        written.Add(mentions);
        var times = Path.Combine(directory, "times.csv");
        using (var f = new StreamWriter(times, false, new UTF8Encoding(false)))
        {
            Csv.Row(f, "document", "start", "end", "text", "type", "value", "mod");
            foreach (var t in store.AllTimes())
                Csv.Row(f, t.Document, t.Time.Span.Start.ToString(CultureInfo.InvariantCulture), t.Time.Span.End.ToString(CultureInfo.InvariantCulture), t.Text,
                    TimeExpression.TypeName(t.Time.Type), t.Time.Value, t.Time.Mod);
        }
        written.Add(times);
        var quantities = Path.Combine(directory, "quantities.csv");
        using (var f = new StreamWriter(quantities, false, new UTF8Encoding(false)))
        {
            Csv.Row(f, "document", "start", "end", "text", "value", "of", "unit", "modifier", "to");
            foreach (var s in store.AllQuantities())
            {
                var q = s.Quantity;
                Csv.Row(f, s.Document, q.Span.Start.ToString(CultureInfo.InvariantCulture), q.Span.End.ToString(CultureInfo.InvariantCulture), s.Text,
                    q.Value.ToString(CultureInfo.InvariantCulture), q.Of?.ToString(CultureInfo.InvariantCulture), q.Unit, Quantity.ModifierName(q.Modifier),
                    q.To?.ToString(CultureInfo.InvariantCulture));
            }
        }
        written.Add(quantities);
        var claims = Path.Combine(directory, "claims.csv");
        using (var f = new StreamWriter(claims, false, new UTF8Encoding(false)))
        {
            Csv.Row(f, "id", "document", "start", "end", "text", "source", "source_text", "cue", "stance");
            foreach (var c in story.Claims)
                Csv.Row(f, c.Id, c.Document, N(c.Claim.Span.Start), N(c.Claim.Span.End), c.Text, c.SourceEntity, c.SourceText, c.Claim.Cue, Claim.StanceName(c.Claim.Stance));
        }
        written.Add(claims);
        var events = Path.Combine(directory, "events.csv");
        var reports = Path.Combine(directory, "event_reports.csv");
        var conflicts = Path.Combine(directory, "event_conflicts.csv");
        using (var f = new StreamWriter(events, false, new UTF8Encoding(false)))
        using (var fr = new StreamWriter(reports, false, new UTF8Encoding(false)))
        using (var fc = new StreamWriter(conflicts, false, new UTF8Encoding(false)))
        {
            Csv.Row(f, "id", "type", "date", "date_precision", "date_from", "place", "actors", "summary", "quantities", "status", "reports", "conflicts",
                "targets");
            Csv.Row(fr, "event", "document", "claim", "start", "end", "stance", "date");
            Csv.Row(fc, "event", "field", "values", "documents", "claims");
            foreach (var e in story.Events)
            {
                Csv.Row(f, e.Id, e.Type, e.Date?.Value, e.Date?.Precision, e.Date is null ? null : e.Date.FromText ? "text" : "published", e.Place, string.Join("|", e.Actors),
                    e.Summary, string.Join("|", e.Quantities.Select(q => q.Text)), e.Status, N(e.Reports.Count), N(e.Conflicts.Count), string.Join("|", e.Targets));
                foreach (var r in e.Reports) Csv.Row(fr, e.Id, r.Document, r.ClaimId, N(r.Span.Start), N(r.Span.End), Claim.StanceName(r.Stance), r.Date?.Value);
                foreach (var c in e.Conflicts) Csv.Row(fc, e.Id, c.Field, string.Join("|", c.Values), string.Join("|", c.Documents), string.Join("|", c.Claims));
            }
        }
        written.AddRange([events, reports, conflicts]);
        return written;
    }

    private static void WriteDocument(Utf8JsonWriter w, Document d, string? kind = null)
    {
        w.WriteStartObject();
        if (kind is not null) w.WriteString("kind", kind);
        w.WriteString("id", d.Id);
        w.WriteString("source", d.Source);
        w.WriteString("url", d.Url);
        w.WriteString("outlet", d.Outlet);
        w.WriteString("title", d.Title);
        w.WriteString("author", d.Author);
        w.WriteString("language", d.Language);
        var p = d.Published;
        w.WriteString("published", p.Value?.ToString());
        w.WriteString("published_precision", p.Precision.ToExportName());
        if (p.Precision == DatePrecision.Range && p.From is { } from && p.To is { } to)
        {
            w.WriteStartArray("published_range");
            w.WriteStringValue(Day(from));
            w.WriteStringValue(Day(to));
            w.WriteEndArray();
        }
        else w.WriteNull("published_range");
        w.WriteString("published_from", p.Source.ToExportName());
        w.WriteString("duplicate_of", d.DuplicateOf);
        w.WriteString("decoding", d.DecodedLossily ? "lossy" : "exact");
        w.WriteString("body", d.Body);
        w.WriteEndObject();
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>RFC 4180 rows: fields with commas, quotes or line breaks are quoted, quotes doubled.</summary>
internal static class Csv
{
    public static void Row(TextWriter w, params string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) w.Write(',');
            var f = fields[i] ?? "";
            if (f.AsSpan().IndexOfAny(",\"\n\r") >= 0) w.Write('"' + f.Replace("\"", "\"\"") + '"');
            else w.Write(f);
        }
        w.Write('\n');
    }
}
