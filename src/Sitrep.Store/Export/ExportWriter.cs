using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Core.Documents;
using Sitrep.Core.Entities;
using Sitrep.Core.Time;

namespace Sitrep.Store.Export;

public enum ExportFormat { Json, Jsonl, Csv, GeoJson }

/// <summary>
/// Writes the store in the public export format, version 1 (spec/export-v1.md). Streams record by record, so an
/// export never holds the corpus in memory. Record kinds not produced yet are written empty, as the contract asks.
/// </summary>
public static class ExportWriter
{
    public const int Version = 1;

    /// <summary>The record kinds of the format, in order; each becomes an array in JSON and a file in CSV.</summary>
    public static readonly string[] Kinds = ["documents", "entities", "times", "quantities", "claims", "events"];

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteJson(IDocumentStore store, IReadOnlyList<Entity> entities, Stream output, DateTimeOffset generated)
    {
        using var w = new Utf8JsonWriter(output, WriterOptions);
        w.WriteStartObject();
        w.WriteString("format", "sitrep-export");
        w.WriteNumber("version", Version);
        w.WriteString("generated", generated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        WriteArray(w, "documents", store.Documents(), WriteDocument);
        WriteArray(w, "entities", entities, WriteEntity);
        WriteArray(w, "times", store.AllTimes(), WriteTime);
        WriteArray(w, "quantities", store.AllQuantities(), WriteQuantity);
        foreach (var kind in Kinds.Skip(4))
        {
            w.WriteStartArray(kind);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    public static void WriteJsonLines(IDocumentStore store, IReadOnlyList<Entity> entities, Stream output, DateTimeOffset generated)
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
        Lines(entities, "entity", WriteEntity);
        Lines(store.AllTimes(), "time", WriteTime);
        Lines(store.AllQuantities(), "quantity", WriteQuantity);
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
    /// GeoJSON: one Point feature per place with coordinates. Events will join them as features of their own when they
    /// are extracted; for now the map shows where the stories are.
    /// </summary>
    public static void WriteGeoJson(IReadOnlyList<Entity> entities, Stream output)
    {
        using var w = new Utf8JsonWriter(output, WriterOptions);
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        foreach (var e in entities.Where(e => e.Geo is not null))
        {
            var g = e.Geo!;
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", e.Id);
            w.WriteStartObject("geometry");
            w.WriteString("type", "Point");
            w.WriteStartArray("coordinates");
            w.WriteNumberValue(g.Lon);
            w.WriteNumberValue(g.Lat);
            w.WriteEndArray();
            w.WriteEndObject();
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

    /// <summary>One CSV file per record kind in <paramref name="directory"/>: documents.csv, entities.csv, …</summary>
    public static IReadOnlyList<string> WriteCsv(IDocumentStore store, IReadOnlyList<Entity> entities, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var docs = Path.Combine(directory, "documents.csv");
        using (var f = new StreamWriter(docs, false, new UTF8Encoding(false)))
        {
            Csv.Row(f, "id", "source", "outlet", "title", "author", "language", "published", "published_precision", "published_range_from", "published_range_to",
                "published_from", "duplicate_of", "body");
            foreach (var d in store.Documents())
            {
                var p = d.Published;
                Csv.Row(f, d.Id, d.Source, d.Outlet, d.Title, d.Author, d.Language, p.Value?.ToString(), p.Precision.ToExportName(), Day(p.From), Day(p.To),
                    p.Source.ToExportName(), d.DuplicateOf, d.Body);
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
            foreach (var e in entities)
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
        foreach (var (kind, header) in new[]
                 {
                     ("claims", "id,document,start,end,text,source,source_text,cue,stance"),
                     ("events", "id,type,date,date_precision,date_from,place,actors,summary,status,reports,conflicts"),
                 })
        {
            var path = Path.Combine(directory, kind + ".csv");
            File.WriteAllText(path, header + "\n");
            written.Add(path);
        }
        return written;
    }

    private static void WriteDocument(Utf8JsonWriter w, Document d, string? kind = null)
    {
        w.WriteStartObject();
        if (kind is not null) w.WriteString("kind", kind);
        w.WriteString("id", d.Id);
        w.WriteString("source", d.Source);
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
        w.WriteString("body", d.Body);
        w.WriteEndObject();
    }

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
