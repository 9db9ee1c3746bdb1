using Sitrep.Core.Claims;
using Sitrep.Core.Events;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Core.Documents;
using Sitrep.Core.Entities;
using Sitrep.Core.Time;

namespace Sitrep.Store.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with foreign keys on. A killed process leaves at most an
/// uncommitted transaction behind, which SQLite rolls back on the next open.
/// </summary>
public sealed partial class SqliteDocumentStore : IDocumentStore, IResolutionStore
{
    private readonly SqliteConnection _db;
    private SqliteTransaction? _tx;

    public SqliteDocumentStore(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _db.Open();
        Exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;");
        Migrate();
    }

    public static int SchemaVersion => Migrations.All[^1].Version;

    private void Migrate()
    {
        Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var applied = Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);
        if (applied > SchemaVersion)
            throw new InvalidOperationException($"the database has schema version {applied}, newer than this sitrep knows ({SchemaVersion})");
        foreach (var (version, name, sql) in Migrations.All.Where(m => m.Version > applied))
        {
            using var tx = _db.BeginTransaction();
            using (var c = Command(sql)) { c.Transaction = tx; c.ExecuteNonQuery(); }
            using (var c = Command("INSERT INTO schema_migrations VALUES ($v, $n, $t)", ("$v", version), ("$n", name), ("$t", Now())))
            { c.Transaction = tx; c.ExecuteNonQuery(); }
            tx.Commit();
        }
    }

    public IStoreTransaction Begin()
    {
        if (_tx is not null) throw new InvalidOperationException("a transaction is already open");
        _tx = _db.BeginTransaction();
        return new Transaction(this);
    }

    private sealed class Transaction(SqliteDocumentStore store) : IStoreTransaction
    {
        private bool _done;

        public void Commit()
        {
            store._tx!.Commit();
            End();
        }

        public void Dispose()
        {
            if (!_done) { store._tx?.Rollback(); End(); }
        }

        private void End()
        {
            _done = true;
            store._tx?.Dispose();
            store._tx = null;
        }
    }

    public bool Contains(string documentId) => Scalar("SELECT 1 FROM documents WHERE id = $id", ("$id", documentId)) is not null;

    public string? FindByTextHash(string textHash) =>
        Scalar("SELECT COALESCE(duplicate_of, id) FROM documents WHERE text_hash = $h ORDER BY seq LIMIT 1", ("$h", textHash)) as string;

    public IReadOnlyList<(string Id, uint[]? Signature)> FindByBandKeys(IReadOnlyList<long> bandKeys, int minShared = 1)
    {
        if (bandKeys.Count == 0) return [];
        var names = bandKeys.Select((_, i) => "$k" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        using var c = Command($"""
            SELECT d.id, d.minhash FROM documents d JOIN (
                SELECT document, COUNT(*) AS shared FROM document_bands WHERE key IN ({string.Join(',', names)}) GROUP BY document
            ) b ON b.document = d.id WHERE b.shared >= $min ORDER BY d.seq
            """, names.Select((n, i) => (n, (object?)bandKeys[i])).Append(("$min", minShared)).ToArray());
        using var r = c.ExecuteReader();
        var list = new List<(string, uint[]?)>();
        while (r.Read()) list.Add((r.GetString(0), r.IsDBNull(1) ? null : Unpack((byte[])r.GetValue(1))));
        return list;
    }

    private static byte[]? Pack(uint[]? signature) => signature is null ? null : System.Runtime.InteropServices.MemoryMarshal.AsBytes(signature.AsSpan()).ToArray();

    private static uint[] Unpack(byte[] bytes) => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(bytes).ToArray();

    public string? GetBody(string documentId) => Scalar("SELECT body FROM documents WHERE id = $id", ("$id", documentId)) as string;

    public void Add(Document d, byte[] raw)
    {
        using (var c = Command("""
            INSERT INTO documents (id, source, media_type, encoding, raw, title, outlet, author, language, published, published_precision,
                published_range_from, published_range_to, published_from, published_note, header_date, body, cut_json, text_hash, minhash, duplicate_of, ingested_at, hints_json, url, entity_model)
            VALUES ($id, $source, $media, $enc, $raw, $title, $outlet, $author, $lang, $pub, $prec, $rfrom, $rto, $pfrom, $pnote, $hdate, $body, $cut, $hash, $minhash, $dup, $at, $hints, $url, $emodel)
            """, DerivedParameters(d).Concat([("$source", d.Source), ("$media", d.MediaType), ("$raw", raw), ("$at", Now()),
                ("$hints", d.Hints is null ? null : JsonSerializer.Serialize(d.Hints, StoreJson.Default.SourceHints))]).ToArray()))
            c.ExecuteNonQuery();
        WriteBands(d);
        WriteMentions(d);
        WriteTimes(d.Id, d.Body, d.Times);
        WriteQuantities(d);
        WriteClaims(d);
        WriteEvents(d);
        AddSource(d.Id, d.Source);
    }

    public void Update(Document d)
    {
        using (var c = Command("""
            UPDATE documents SET encoding = $enc, title = $title, outlet = $outlet, author = $author, language = $lang, published = $pub,
                published_precision = $prec, published_range_from = $rfrom, published_range_to = $rto, published_from = $pfrom, published_note = $pnote,
                header_date = $hdate, body = $body, cut_json = $cut, text_hash = $hash, minhash = $minhash, duplicate_of = $dup, url = $url, entity_model = $emodel
            WHERE id = $id
            """, DerivedParameters(d).ToArray()))
            c.ExecuteNonQuery();
        using (var c = Command("DELETE FROM document_bands WHERE document = $id", ("$id", d.Id))) c.ExecuteNonQuery();
        using (var c = Command("DELETE FROM mentions WHERE document = $id", ("$id", d.Id))) c.ExecuteNonQuery();
        WriteBands(d);
        WriteMentions(d);
        WriteTimes(d.Id, d.Body, d.Times);
        WriteQuantities(d);
        WriteClaims(d);
        WriteEvents(d);
    }

    private void WriteClaims(Document d)
    {
        using (var del = Command("DELETE FROM claims WHERE document = $d", ("$d", d.Id))) del.ExecuteNonQuery();
        if (d.Claims.Count == 0) return;
        using var c = Command("INSERT INTO claims VALUES ($d, $n, $s, $e, $ss, $se, $cue, $stance)",
            ("$d", d.Id), ("$n", 0), ("$s", 0), ("$e", 0), ("$ss", null), ("$se", null), ("$cue", null), ("$stance", ""));
        for (var i = 0; i < d.Claims.Count; i++)
        {
            var claim = d.Claims[i];
            c.Parameters["$n"].Value = i;
            c.Parameters["$s"].Value = claim.Span.Start;
            c.Parameters["$e"].Value = claim.Span.End;
            c.Parameters["$ss"].Value = (object?)claim.Source?.Start ?? DBNull.Value;
            c.Parameters["$se"].Value = (object?)claim.Source?.End ?? DBNull.Value;
            c.Parameters["$cue"].Value = (object?)claim.Cue ?? DBNull.Value;
            c.Parameters["$stance"].Value = Claim.StanceName(claim.Stance);
            c.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<Claim> Claims(string documentId)
    {
        using var c = Command("SELECT start, end, source_start, source_end, cue, stance FROM claims WHERE document = $d ORDER BY seq", ("$d", documentId));
        using var r = c.ExecuteReader();
        var list = new List<Claim>();
        while (r.Read())
            list.Add(new Claim(new TextSpan(r.GetInt32(0), r.GetInt32(1)), r.IsDBNull(2) ? null : new TextSpan(r.GetInt32(2), r.GetInt32(3)),
                r.IsDBNull(4) ? null : r.GetString(4), Claim.ParseStance(r.GetString(5))));
        return list;
    }

    private void WriteEvents(Document d)
    {
        using (var del = Command("DELETE FROM event_mentions WHERE document = $d", ("$d", d.Id))) del.ExecuteNonQuery();
        if (d.Events.Count == 0) return;
        using var c = Command("INSERT INTO event_mentions VALUES ($d, $n, $type, $ts, $te, $ss, $se, $actors, $ps, $pe, $ws, $we, $q, $claim, $targets)",
            ("$d", d.Id), ("$n", 0), ("$type", ""), ("$ts", 0), ("$te", 0), ("$ss", 0), ("$se", 0), ("$actors", ""), ("$ps", null), ("$pe", null),
            ("$ws", null), ("$we", null), ("$q", ""), ("$claim", null), ("$targets", ""));
        for (var i = 0; i < d.Events.Count; i++)
        {
            var e = d.Events[i];
            c.Parameters["$n"].Value = i;
            c.Parameters["$type"].Value = e.Type;
            c.Parameters["$ts"].Value = e.Trigger.Start;
            c.Parameters["$te"].Value = e.Trigger.End;
            c.Parameters["$ss"].Value = e.Sentence.Start;
            c.Parameters["$se"].Value = e.Sentence.End;
            c.Parameters["$actors"].Value = SpanList.Format(e.Actors);
            c.Parameters["$ps"].Value = (object?)e.Place?.Start ?? DBNull.Value;
            c.Parameters["$pe"].Value = (object?)e.Place?.End ?? DBNull.Value;
            c.Parameters["$ws"].Value = (object?)e.Time?.Start ?? DBNull.Value;
            c.Parameters["$we"].Value = (object?)e.Time?.End ?? DBNull.Value;
            c.Parameters["$q"].Value = SpanList.Format(e.Quantities);
            c.Parameters["$claim"].Value = (object?)e.Claim ?? DBNull.Value;
            c.Parameters["$targets"].Value = SpanList.Format(e.Targets);
            c.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<EventMention> Events(string documentId)
    {
        using var c = Command("SELECT type, trigger_start, trigger_end, sentence_start, sentence_end, actors, place_start, place_end, time_start, time_end, quantities, claim, targets " +
            "FROM event_mentions WHERE document = $d ORDER BY seq", ("$d", documentId));
        using var r = c.ExecuteReader();
        var list = new List<EventMention>();
        TextSpan? Span(int i) => r.IsDBNull(i) ? null : new TextSpan(r.GetInt32(i), r.GetInt32(i + 1));
        while (r.Read())
            list.Add(new EventMention(r.GetString(0), new TextSpan(r.GetInt32(1), r.GetInt32(2)), new TextSpan(r.GetInt32(3), r.GetInt32(4)),
                SpanList.Parse(r.GetString(5)), Span(6), Span(8), SpanList.Parse(r.GetString(10)), r.IsDBNull(11) ? null : r.GetInt32(11))
            {
                Targets = SpanList.Parse(r.GetString(12)),
            });
        return list;
    }

    private void WriteQuantities(Document d)
    {
        using (var del = Command("DELETE FROM quantities WHERE document = $d", ("$d", d.Id))) del.ExecuteNonQuery();
        if (d.Quantities.Count == 0) return;
        using var c = Command("INSERT OR IGNORE INTO quantities VALUES ($d, $s, $e, $v, $u, $w, $n, $m, $x)",
            ("$d", d.Id), ("$s", 0), ("$e", 0), ("$v", 0.0), ("$u", null), ("$w", null), ("$n", null), ("$m", ""), ("$x", ""));
        foreach (var q in d.Quantities)
        {
            c.Parameters["$s"].Value = q.Span.Start;
            c.Parameters["$e"].Value = q.Span.End;
            c.Parameters["$v"].Value = q.Value;
            c.Parameters["$u"].Value = (object?)q.To ?? DBNull.Value;
            c.Parameters["$w"].Value = (object?)q.Of ?? DBNull.Value;
            c.Parameters["$n"].Value = (object?)q.Unit ?? DBNull.Value;
            c.Parameters["$m"].Value = Quantity.ModifierName(q.Modifier);
            c.Parameters["$x"].Value = q.Span.Of(d.Body);
            c.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<Quantity> Quantities(string documentId)
    {
        using var c = Command("SELECT start, end, value, upto, whole, unit, modifier FROM quantities WHERE document = $d ORDER BY start", ("$d", documentId));
        using var r = c.ExecuteReader();
        var list = new List<Quantity>();
        while (r.Read()) list.Add(ReadQuantity(r));
        return list;
    }

    public IEnumerable<StoredQuantity> AllQuantities()
    {
        using var c = Command("SELECT q.start, q.end, q.value, q.upto, q.whole, q.unit, q.modifier, q.document, q.text FROM quantities q JOIN documents d ON d.id = q.document ORDER BY d.seq, q.start");
        using var r = c.ExecuteReader();
        while (r.Read()) yield return new StoredQuantity(r.GetString(7), ReadQuantity(r), r.GetString(8));
    }

    private static Quantity ReadQuantity(SqliteDataReader r) => new(
        new TextSpan(r.GetInt32(0), r.GetInt32(1)), r.GetDouble(2), r.IsDBNull(4) ? null : r.GetDouble(4), r.IsDBNull(5) ? null : r.GetString(5),
        Enum.GetValues<QuantityModifier>().First(m => Quantity.ModifierName(m) == r.GetString(6)), r.IsDBNull(3) ? null : r.GetDouble(3));

    private void WriteTimes(string id, string? body, IReadOnlyList<TimeExpression> times)
    {
        using (var del = Command("DELETE FROM times WHERE document = $d", ("$d", id))) del.ExecuteNonQuery();
        if (times.Count == 0) return;
        body ??= GetBody(id) ?? "";
        using var c = Command("INSERT OR IGNORE INTO times VALUES ($d, $s, $e, $t, $v, $m, $x)", ("$d", id), ("$s", 0), ("$e", 0), ("$t", ""), ("$v", ""), ("$m", null), ("$x", ""));
        foreach (var t in times)
        {
            c.Parameters["$s"].Value = t.Span.Start;
            c.Parameters["$e"].Value = t.Span.End;
            c.Parameters["$t"].Value = TimeExpression.TypeName(t.Type);
            c.Parameters["$v"].Value = t.Value;
            c.Parameters["$m"].Value = (object?)t.Mod ?? DBNull.Value;
            c.Parameters["$x"].Value = t.Span.Of(body);
            c.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<TimeExpression> Times(string documentId)
    {
        using var c = Command("SELECT start, end, type, value, mod FROM times WHERE document = $d ORDER BY start", ("$d", documentId));
        using var r = c.ExecuteReader();
        var list = new List<TimeExpression>();
        while (r.Read()) list.Add(ReadTime(r, 0));
        return list;
    }

    public IEnumerable<StoredTime> AllTimes()
    {
        using var c = Command("SELECT t.start, t.end, t.type, t.value, t.mod, t.document, t.text FROM times t JOIN documents d ON d.id = t.document ORDER BY d.seq, t.start");
        using var r = c.ExecuteReader();
        while (r.Read()) yield return new StoredTime(r.GetString(5), ReadTime(r, 0), r.GetString(6));
    }

    private static TimeExpression ReadTime(SqliteDataReader r, int at) => new(
        new TextSpan(r.GetInt32(at), r.GetInt32(at + 1)),
        Enum.GetValues<TimexType>().First(t => TimeExpression.TypeName(t) == r.GetString(at + 2)),
        r.GetString(at + 3),
        r.IsDBNull(at + 4) ? null : r.GetString(at + 4));

    private void WriteMentions(Document d)
    {
        if (d.Mentions.Count == 0) return;
        using var c = Command("INSERT OR IGNORE INTO mentions VALUES ($d, $s, $e, $t, $x)", ("$d", d.Id), ("$s", 0), ("$e", 0), ("$t", ""), ("$x", ""));
        foreach (var m in d.Mentions)
        {
            c.Parameters["$s"].Value = m.Span.Start;
            c.Parameters["$e"].Value = m.Span.End;
            c.Parameters["$t"].Value = m.Type;
            c.Parameters["$x"].Value = m.Span.Of(d.Body);
            c.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<Mention> Mentions(string documentId)
    {
        using var c = Command("SELECT start, end, type FROM mentions WHERE document = $d ORDER BY start", ("$d", documentId));
        using var r = c.ExecuteReader();
        var list = new List<Mention>();
        while (r.Read()) list.Add(new Mention(new TextSpan(r.GetInt32(0), r.GetInt32(1)), r.GetString(2)));
        return list;
    }

    public IEnumerable<StoredMention> AllMentions()
    {
        using var c = Command("SELECT m.document, m.start, m.end, m.type, m.text FROM mentions m JOIN documents d ON d.id = m.document ORDER BY m.type, m.text, d.seq, m.start");
        using var r = c.ExecuteReader();
        while (r.Read()) yield return new StoredMention(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3), r.GetString(4));
    }

    public void UpdatePublished(string documentId, PublicationDate p, IReadOnlyList<TimeExpression> times)
    {
        WriteTimes(documentId, null, times);
        using var c = Command("""
            UPDATE documents SET published = $pub, published_precision = $prec, published_range_from = $rfrom, published_range_to = $rto,
                published_from = $pfrom, published_note = $pnote WHERE id = $id
            """, PublishedParameters(p).Append(("$id", documentId)).ToArray());
        c.ExecuteNonQuery();
    }

    public bool AddSource(string documentId, string source)
    {
        using var c = Command("INSERT OR IGNORE INTO document_sources VALUES ($d, $s, $t)", ("$d", documentId), ("$s", source), ("$t", Now()));
        return c.ExecuteNonQuery() > 0;
    }

    public IReadOnlyList<string> Sources(string documentId)
    {
        using var c = Command("SELECT source FROM document_sources WHERE document = $d ORDER BY first_seen, source", ("$d", documentId));
        return ReadStrings(c);
    }

    public int Count() => Convert.ToInt32(Scalar("SELECT COUNT(*) FROM documents"), CultureInfo.InvariantCulture);

    public Document? Find(string idOrPrefix)
    {
        using (var exact = Command($"SELECT {DocumentColumns} FROM documents WHERE id = $id", ("$id", idOrPrefix)))
            if (ReadDocuments(exact).FirstOrDefault() is { } document) return document;
        // ids are lower-case ASCII: a prefix is a range of the unique index, so no row outside it is read
        var prefix = idOrPrefix.ToLowerInvariant();
        using var c = Command($"SELECT {DocumentColumns} FROM documents WHERE id >= $from AND id < $to ORDER BY seq LIMIT 2",
            ("$from", prefix), ("$to", prefix + "\uffff"));
        var found = ReadDocuments(c).ToList();
        return found.Count == 1 ? found[0] : null;
    }

    public IEnumerable<Document> Documents()
    {
        using var c = Command($"SELECT {DocumentColumns} FROM documents ORDER BY seq");
        foreach (var d in ReadDocuments(c)) yield return d;
    }

    public IReadOnlyList<string> DocumentIds()
    {
        using var c = Command("SELECT id FROM documents ORDER BY seq");
        return ReadStrings(c);
    }

    public RawDocument? Raw(string documentId)
    {
        using var c = Command("SELECT id, source, media_type, raw, hints_json FROM documents WHERE id = $id", ("$id", documentId));
        using var r = c.ExecuteReader();
        return r.Read()
            ? new RawDocument(r.GetString(0), r.GetString(1), r.GetString(2), (byte[])r.GetValue(3), r.IsDBNull(4) ? null : JsonSerializer.Deserialize(r.GetString(4), StoreJson.Default.SourceHints))
            : null;
    }

    public string? FindBySource(string source) => Scalar("SELECT document FROM document_sources WHERE source = $s LIMIT 1", ("$s", source)) as string;

    public FetchState? GetFetchState(string url)
    {
        using var c = Command("SELECT url, etag, last_modified, status, fetched_at FROM fetch_state WHERE url = $u", ("$u", url));
        using var r = c.ExecuteReader();
        return r.Read()
            ? new FetchState(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt32(3), DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture))
            : null;
    }

    public void SetFetchState(FetchState state)
    {
        using var c = Command("INSERT OR REPLACE INTO fetch_state VALUES ($u, $e, $l, $s, $t)",
            ("$u", state.Url), ("$e", state.ETag), ("$l", state.LastModified), ("$s", state.Status), ("$t", state.FetchedAt.ToString("O", CultureInfo.InvariantCulture)));
        c.ExecuteNonQuery();
    }


    public IEnumerable<Document> UndatedDocuments()
    {
        using var c = Command($"SELECT {DocumentColumns} FROM documents WHERE published_precision = 'unknown' ORDER BY seq");
        foreach (var d in ReadDocuments(c)) yield return d;
    }

    public IEnumerable<Document> InferredDateDocuments()
    {
        using var c = Command($"SELECT {DocumentColumns} FROM documents WHERE published_precision = 'unknown' OR published_from = 'body' ORDER BY seq");
        foreach (var d in ReadDocuments(c)) yield return d;
    }

    public IReadOnlyList<(string Id, DateOnly Day)> PublicationDays()
    {
        using var c = Command("SELECT id, COALESCE(published_range_from, substr(published, 1, 10)) FROM documents WHERE published IS NOT NULL AND length(published) >= 10");
        using var r = c.ExecuteReader();
        var list = new List<(string, DateOnly)>();
        while (r.Read())
            if (DateOnly.TryParseExact(r.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) list.Add((r.GetString(0), d));
        return list;
    }

    public void AddCorrection(EntityCorrection correction)
    {
        using var c = Command("INSERT INTO entity_corrections (kind, a, b, made_at) VALUES ($k, $a, $b, $t)",
            ("$k", correction.Kind == CorrectionKind.Merge ? "merge" : "split"), ("$a", correction.A), ("$b", correction.B), ("$t", Now()));
        c.ExecuteNonQuery();
    }

    public IReadOnlyList<EntityCorrection> Corrections()
    {
        using var c = Command("SELECT kind, a, b FROM entity_corrections ORDER BY seq");
        using var r = c.ExecuteReader();
        var list = new List<EntityCorrection>();
        while (r.Read()) list.Add(new EntityCorrection(r.GetString(0) == "merge" ? CorrectionKind.Merge : CorrectionKind.Split, r.GetString(1), r.GetString(2)));
        return list;
    }

    public int ImportPlaces(IEnumerable<ImportedPlace> places)
    {
        using var c = Command("INSERT OR REPLACE INTO places VALUES ($id, $n, $a, $c, $f, $p, $lat, $lon)",
            ("$id", 0L), ("$n", ""), ("$a", ""), ("$c", ""), ("$f", ""), ("$p", 0L), ("$lat", 0.0), ("$lon", 0.0));
        var n = 0;
        foreach (var p in places)
        {
            c.Parameters["$id"].Value = p.Id;
            c.Parameters["$n"].Value = p.Name;
            c.Parameters["$a"].Value = string.Join('|', p.Alternates);
            c.Parameters["$c"].Value = p.Country;
            c.Parameters["$f"].Value = p.Feature;
            c.Parameters["$p"].Value = p.Population;
            c.Parameters["$lat"].Value = p.Lat;
            c.Parameters["$lon"].Value = p.Lon;
            c.ExecuteNonQuery();
            n++;
        }
        return n;
    }

    public IEnumerable<ImportedPlace> ImportedPlaces()
    {
        using var c = Command("SELECT geonameid, name, alternates, country, feature, population, lat, lon FROM places");
        using var r = c.ExecuteReader();
        while (r.Read())
            yield return new ImportedPlace(r.GetInt64(0), r.GetString(1), r.GetString(2).Split('|', StringSplitOptions.RemoveEmptyEntries), r.GetString(3),
                r.GetString(4), r.GetInt64(5), r.GetDouble(6), r.GetDouble(7));
    }

    public string IntegrityCheck()
    {
        using var c = Command("PRAGMA integrity_check");
        return string.Join("; ", ReadStrings(c));
    }

    private const string DocumentColumns =
        "id, source, media_type, encoding, title, outlet, author, language, published, published_precision, published_range_from, published_range_to, " +
        "published_from, published_note, header_date, body, cut_json, text_hash, duplicate_of, hints_json, url, entity_model";

    private IEnumerable<Document> ReadDocuments(SqliteCommand c)
    {
        using var r = c.ExecuteReader();
        while (r.Read())
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            DateOnly? Day(int i) => S(i) is { } s ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            var published = new PublicationDate(PartialDate.Parse(S(8)), DateNames.ParsePrecision(r.GetString(9)), Day(10), Day(11),
                DateNames.ParseSource(r.GetString(12)), S(13));
            var document = new Document
            {
                Id = r.GetString(0), Source = r.GetString(1), MediaType = r.GetString(2), Encoding = r.GetString(3),
                Title = S(4), Outlet = S(5), Author = S(6), Language = r.GetString(7), Published = published,
                HeaderDate = PartialDate.Parse(S(14)), Body = r.GetString(15),
                Cut = JsonSerializer.Deserialize(r.GetString(16), StoreJson.Default.ListCutText) ?? [],
                Fingerprint = new DocumentFingerprint(r.GetString(17), []), DuplicateOf = S(18),
                Hints = S(19) is { } hints ? JsonSerializer.Deserialize(hints, StoreJson.Default.SourceHints) : null, Url = S(20),
                EntityModel = S(21),
            };
            yield return document with
            {
                Mentions = Mentions(document.Id), Times = Times(document.Id), Quantities = Quantities(document.Id),
                Claims = Claims(document.Id), Events = Events(document.Id),
            };
        }
    }

    private static IEnumerable<(string, object?)> DerivedParameters(Document d) =>
        PublishedParameters(d.Published).Concat(
        [
            ("$id", d.Id), ("$url", d.Url), ("$enc", d.Encoding), ("$title", d.Title), ("$outlet", d.Outlet), ("$author", d.Author), ("$lang", d.Language),
            ("$hdate", d.HeaderDate?.ToString()), ("$body", d.Body), ("$cut", JsonSerializer.Serialize(d.Cut.ToList(), StoreJson.Default.ListCutText)),
            ("$hash", d.Fingerprint.TextHash), ("$minhash", Pack(d.Fingerprint.Signature)), ("$dup", d.DuplicateOf),
            ("$emodel", d.EntityModel),
        ]);

    private static IEnumerable<(string, object?)> PublishedParameters(PublicationDate p) =>
    [
        ("$pub", p.Value?.ToString()), ("$prec", p.Precision.ToExportName()), ("$rfrom", p.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("$rto", p.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$pfrom", p.Source.ToExportName()), ("$pnote", p.Note),
    ];

    private void WriteBands(Document d)
    {
        if (d.Fingerprint.BandKeys.Count == 0) return;
        using var c = Command("INSERT OR IGNORE INTO document_bands VALUES ($k, $d)", ("$k", 0L), ("$d", d.Id));
        foreach (var key in d.Fingerprint.BandKeys)
        {
            c.Parameters["$k"].Value = key;
            c.ExecuteNonQuery();
        }
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var c = _db.CreateCommand();
        c.CommandText = sql;
        c.Transaction = _tx;
        foreach (var (n, v) in parameters) c.Parameters.AddWithValue(n, v ?? DBNull.Value);
        return c;
    }

    private void Exec(string sql)
    {
        using var c = Command(sql);
        c.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string, object?)[] parameters)
    {
        using var c = Command(sql, parameters);
        var v = c.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    private static List<string> ReadStrings(SqliteCommand c)
    {
        using var r = c.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }

    public void Dispose()
    {
        _tx?.Dispose();
        _db.Dispose();
    }
}
